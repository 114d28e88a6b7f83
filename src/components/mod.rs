//! Widgets shared by the routes.

pub mod cards;
pub mod cite;
pub mod later;
pub mod layout;
pub mod neighbours;
pub mod related;
pub mod saved;
pub mod share;
pub mod status;
