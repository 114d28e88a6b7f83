//! One file per route.

pub mod compare;
#[cfg(not(feature = "full"))]
pub mod full_module;
pub mod home;
pub mod item;
pub mod kind_list;
pub mod map;
pub mod matrix;
pub mod not_found;
pub mod policy;
pub mod policy_list;
pub mod problems;
pub mod saved;
pub mod search;
pub mod timeline;
