//! Cankao (参考): a policy reference compilation as an offline-first dashboard.
//!
//! `core` is pure (no leptos, no web-sys) and tested natively; the rest is the UI.

pub mod app;
pub mod charts;
pub mod components;
pub mod core;
pub mod data;
pub mod i18n;
pub mod routes;
pub mod storage;
pub mod store;
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
pub mod tool;
