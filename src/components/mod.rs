//! Widgets shared by the routes.

pub mod layout;
pub mod status;
