//! What the reader sees while data loads, and when it cannot.

use leptos::prelude::*;

use crate::data::LoadError;
use crate::i18n::{tr, use_lang};
use crate::store::{use_store, Pending};

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="status" role="status" data-testid="loading">{tr("正在载入…", "Loading…")}</p>
    }
}

#[component]
pub fn LoadErrorView(error: LoadError, retry: impl Fn() + 'static) -> impl IntoView {
    let lang = use_lang();
    let detail = error.to_string();
    let headline = move || match &error {
        LoadError::Network { .. } => lang.get().pick(
            "网络连接失败，数据未能载入。",
            "The data could not be loaded: the network failed.",
        ),
        LoadError::Status { .. } => lang.get().pick(
            "服务器上找不到数据文件。",
            "The server does not have the data file.",
        ),
        LoadError::Parse { .. } => lang.get().pick(
            "数据文件已损坏或不完整。",
            "The data file is damaged or incomplete.",
        ),
        LoadError::Invalid { .. } => lang
            .get()
            .pick("数据文件内容前后矛盾。", "The data contradicts itself."),
    };
    view! {
        <section class="error" role="alert" data-testid="load-error">
            <h1>{headline}</h1>
            <details>
                <summary>{tr("技术细节", "Details")}</summary>
                <pre>{detail}</pre>
            </details>
            <button type="button" data-testid="retry" on:click=move |_| retry()>
                {tr("重试", "Retry")}
            </button>
        </section>
    }
}

/// Stands in for an issue's texts until they arrive: asks the store for them, says they are
/// on their way, or that they failed, with a retry. The rest of the page stays as it is.
#[component]
pub fn IssueText(issue: String) -> impl IntoView {
    let store = use_store();
    store.load_issue(&issue);
    move || {
        match store.issues.with(|m| m.get(&issue).cloned()) {
        Some(Pending::Failed(error)) => {
            let issue = issue.clone();
            view! {
                <div class="status inline-error" role="alert" data-testid="issue-text-error">
                    <p>{tr("本期全文未能载入，标题和出处信息仍可查看。", "This issue's text could not be loaded; the title and source details are still here.")}</p>
                    <details>
                        <summary>{tr("技术细节", "Details")}</summary>
                        <pre>{error.to_string()}</pre>
                    </details>
                    <button type="button" data-testid="issue-text-retry" on:click=move |_| store.load_issue(&issue)>
                        {tr("重试", "Retry")}
                    </button>
                </div>
            }
            .into_any()
        }
        _ => view! {
            <p class="status" role="status" data-testid="issue-text-loading">{tr("正在载入本期全文…", "Loading this issue's text…")}</p>
        }
        .into_any(),
    }
    }
}
