//! One file per route.

pub mod home;
pub mod not_found;
pub mod policy;
pub mod policy_list;
