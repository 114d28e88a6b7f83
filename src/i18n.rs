//! The interface language. The corpus stays Chinese; the interface, and the registry's names
//! of themes, indicators and places, have an English switch, remembered in localStorage.

use leptos::prelude::*;

use crate::core::corpus::Region;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

const STORAGE_KEY: &str = "cankao.lang";

impl Lang {
    /// The interface text for this language.
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

impl Lang {
    /// The language a link (`lang=en`) or the stored choice names.
    pub fn from_key(key: &str) -> Option<Lang> {
        match key {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}

fn stored() -> Option<Lang> {
    Lang::from_key(&crate::storage::get(STORAGE_KEY)?)
}

/// The language the page's link asks for (`?lang=en`), for a link sent to a reader of English.
fn requested() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    crate::core::url::parse_query(&search)
        .into_iter()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::from_key(&v))
}

/// Provides the language signal; call once at the root.
pub fn provide_lang() -> RwSignal<Lang> {
    let lang = RwSignal::new(requested().or_else(stored).unwrap_or(Lang::Zh));
    Effect::new(move |first: Option<()>| {
        let lang = lang.get();
        // Only the reader's own switch is remembered, not the language a link asked for.
        if first.is_some() {
            crate::storage::set(STORAGE_KEY, if lang == Lang::En { "en" } else { "zh" });
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    provide_context(lang);
    lang
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// A place's name in the reader's language, following the switch: `广州`, `Guangzhou`.
pub fn place_name(region: &Region) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = use_lang();
    let (zh, en) = (region.name.clone(), region.en.clone());
    move || {
        if lang.get() == Lang::En {
            en.clone()
        } else {
            zh.clone()
        }
    }
}

/// A count in English: `1 policy document`, `8 policy documents`.
/// `zh-CN` for a text with Chinese in it, as the `lang` of its element: in the English
/// interface a screen reader then reads the source's names and titles with a Chinese voice.
pub fn lang_of(text: &str) -> Option<&'static str> {
    text.chars()
        .any(crate::core::ids::is_cjk)
        .then_some("zh-CN")
}

pub fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A reactive interface string: `tr("政策", "Policies")`.
pub fn tr(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let lang = use_lang();
    move || lang.get().pick(zh, en)
}
