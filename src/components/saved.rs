//! The saved-items store (收藏) and its star button. The list lives in localStorage; a
//! damaged value is repaired and the reader told, and a full quota never breaks the app.

use leptos::prelude::*;

use crate::core::saved;
use crate::i18n::{tr, use_lang, Lang};

const STORAGE_KEY: &str = "cankao.saved";

/// The saved ids, and a notice for the reader when storage misbehaved.
#[derive(Clone, Copy)]
pub struct SavedStore {
    pub ids: RwSignal<Vec<String>>,
    pub notice: RwSignal<Option<StorageNotice>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Part of what was stored could not be read and was reset.
    Repaired,
    /// The browser refused to store (quota, private mode).
    NotStored,
}

/// Reads the stored list once; call at the root.
pub fn provide_saved() -> SavedStore {
    let read = saved::parse(crate::storage::get(STORAGE_KEY).as_deref());
    let store = SavedStore {
        ids: RwSignal::new(read.ids.clone()),
        notice: RwSignal::new(None),
    };
    if read.repaired {
        // Write back what could be read, so the damage is reported once.
        crate::storage::set(STORAGE_KEY, &saved::serialize(&read.ids));
        store.notice.set(Some(StorageNotice::Repaired));
    }
    provide_context(store);
    store
}

pub fn use_saved() -> SavedStore {
    expect_context::<SavedStore>()
}

impl SavedStore {
    pub fn toggle(&self, id: &str) {
        self.ids.update(|ids| {
            saved::toggle(ids, id);
        });
        if !crate::storage::set(STORAGE_KEY, &saved::serialize(&self.ids.get_untracked())) {
            self.notice.set(Some(StorageNotice::NotStored));
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.with(|ids| ids.iter().any(|s| s == id))
    }
}

/// What the star button says, saved or not.
pub fn star_label(lang: Lang, saved: bool) -> &'static str {
    if saved {
        lang.pick("取消收藏", "Remove from saved")
    } else {
        lang.pick("收藏", "Save")
    }
}

/// ☆/★ for one item.
#[component]
pub fn StarButton(#[prop(into)] id: String) -> impl IntoView {
    let store = use_saved();
    let lang = use_lang();
    let id_for_state = id.clone();
    let on = Memo::new(move |_| store.contains(&id_for_state));
    let label = Signal::derive(move || star_label(lang.get(), on.get()));
    view! {
        <button type="button" class="star" data-testid="star" aria-pressed=move || on.get().to_string()
            aria-label=label title=label on:click=move |_| store.toggle(&id)>
            <span aria-hidden="true">{move || saved::star_glyph(on.get())}</span>
        </button>
    }
}

/// The storage notice, when there is one.
#[component]
pub fn StorageNoticeBar() -> impl IntoView {
    let store = use_saved();
    move || {
        store.notice.get().map(|n| {
            let text = match n {
                StorageNotice::Repaired => tr(
                    "本机保存的收藏数据已损坏，能读取的部分已保留，其余已重置。",
                    "Your saved items in this browser were damaged: what could be read was kept, the rest reset.",
                ),
                StorageNotice::NotStored => tr(
                    "浏览器拒绝保存（存储已满或处于隐私模式），收藏仅在本次浏览中有效。",
                    "The browser refused to store (storage full or private mode): saved items last only this visit.",
                ),
            };
            view! {
                <div class="notice" role="status" data-testid="storage-notice">
                    <span>{text}</span>
                    <button type="button" on:click=move |_| store.notice.set(None)>{tr("知道了", "OK")}</button>
                </div>
            }
        })
    }
}
