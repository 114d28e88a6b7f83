//! localStorage that never breaks the app: unavailable storage, a full quota or a value we
//! did not write are all treated as "nothing stored".

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores a value; returns false when the browser refused (private mode, quota exceeded).
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}
