//! The pure core: corpus types, validation, search, URL state, citations, CSV and chart data.
//! No leptos and no web-sys here, so `cargo test` exercises all of it natively.

pub mod annotate;
pub mod cite;
pub mod compare;
pub mod corpus;
pub mod csv;
pub mod figure_en;
pub mod hits_html;
pub mod hygiene;
pub mod ids;
pub mod items;
pub mod library;
pub mod listing;
pub mod load;
pub mod order;
pub mod pages;
pub mod related;
pub mod saved;
pub mod scale;
pub mod search;
pub mod url;
pub mod validate;
