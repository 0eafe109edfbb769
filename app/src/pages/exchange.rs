//! The exchange space (issue 13, item 7): the list of threads with search and filters and the form that
//! opens a thread; one thread with its replies, files and the reply form. Plain forms: the search is a GET
//! form, the others post to the server functions of `app::exchange`, and files go to the upload route, so
//! everything works without JavaScript.

use crate::AppError;
use crate::components::{CurrentTenant, ErrorNotice, Field, NotFound, Protected, SelectField, error_text, field_error};
use crate::exchange::{OpenThread, ReplyThread, exchange_thread, exchange_threads};
use crate::i18n::{I18n, Key};
use crate::pages::districts::list_districts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::{use_params_map, use_query_map};
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
use model::exchange::{PostView, ThreadPage, ThreadSummary, Topic};

pub fn topic_key(topic: Topic) -> Key {
    match topic {
        Topic::MeetingNotes => Key::TopicMeetingNotes,
        Topic::Method => Key::TopicMethod,
        Topic::Invitation => Key::TopicInvitation,
        Topic::Experience => Key::TopicExperience,
        Topic::Question => Key::TopicQuestion,
    }
}

/// A text as paragraphs, one per non-empty line.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let query = use_query_map();
    let param = move |name: &'static str| move || query.read().get(name).filter(|v| !v.is_empty());
    let open = ServerAction::<OpenThread>::new();
    let filters = move || {
        (param("q")(), param("topic")(), param("district")(), param("tag")(), param("page")())
    };
    let threads = Resource::new(filters, |(q, topic, district, tag, page)| {
        let district = district.and_then(|d| uuid::Uuid::parse_str(&d).ok());
        let page = page.and_then(|p| p.parse().ok());
        exchange_threads(q, topic, district, tag, page)
    });
    let slug = tenant.slug.to_string();
    let districts = Resource::new(move || slug.clone(), list_districts);
    let district_options = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t(Key::ExchangeAnyDistrict).to_owned())];
        if let Some(Ok(list)) = districts.get() {
            options.extend(list.into_iter().map(|d| (d.id.to_string(), d.name.as_str().to_owned())));
        }
        options
    });
    let topic_options = move |any: bool| {
        Signal::derive(move || {
            let first = any.then(|| (String::new(), i18n.t(Key::ExchangeAnyTopic).to_owned()));
            first.into_iter().chain(Topic::ALL.map(|t| (t.as_str().to_owned(), i18n.t(topic_key(t)).to_owned()))).collect::<Vec<(String, String)>>()
        })
    };
    let error = Signal::derive(move || open.value().get().and_then(Result::err));
    let search_field = move |name: &'static str, key: Key| {
        view! {
            <div class="field">
                <label for=format!("search-{name}")>{move || i18n.t(key)}</label>
                <input id=format!("search-{name}") name=name type="search" value=move || param(name)().unwrap_or_default() />
            </div>
        }
    };
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ExchangeTitle))) />
        <Protected>
            <h1>{move || i18n.t(Key::ExchangeTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::ExchangeIntro)}</p>
            <Form method="GET" action="" attr:class="filter-form" attr:role="search">
                {search_field("q", Key::ExchangeSearch)}
                <div class="field">
                    <label for="search-topic">{move || i18n.t(Key::ExchangeTopic)}</label>
                    <select id="search-topic" name="topic">
                        {move || topic_options(true).get().into_iter().map(|(value, text)| {
                            let selected = param("topic")().unwrap_or_default() == value;
                            view! { <option value=value selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="search-district">{move || i18n.t(Key::ReportDistrict)}</label>
                    <select id="search-district" name="district">
                        {move || district_options.get().into_iter().map(|(value, text)| {
                            let selected = param("district")().unwrap_or_default() == value;
                            view! { <option value=value selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {search_field("tag", Key::ExchangeTag)}
                <button type="submit" class="button">{move || i18n.t(Key::FilterButton)}</button>
            </Form>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match threads.await {
                        Ok(page) => view! { <ThreadList page /> }.into_any(),
                        Err(AppError::Forbidden) => view! { <p class="notice notice--error">{move || i18n.t(Key::ExchangeNotForYou)}</p> }.into_any(),
                        Err(AppError::Invalid { .. }) => view! { <p class="notice notice--error">{move || i18n.t(Key::ErrorText)}</p> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
            <section aria-labelledby="exchange-new">
                <h2 id="exchange-new">{move || i18n.t(Key::ExchangeNewThread)}</h2>
                <div role="alert">
                    {move || error.get().filter(|e| !matches!(e, AppError::Invalid { .. })).map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
                </div>
                <ActionForm action=open attr:class="form" attr:id="exchange-form">
                    <Field name="title" label=Key::ExchangeThreadTitle required=true error />
                    <SelectField name="topic" label=Key::ExchangeTopic options=topic_options(false) error />
                    <SelectField name="district" label=Key::ReportDistrict options=district_options error />
                    <Field name="tags" label=Key::ExchangeTagsField error />
                    <p class="field-hint">{move || i18n.t(Key::ExchangeTagsHint)}</p>
                    <div class="field">
                        <label for="field-body">{move || i18n.t(Key::ExchangeBody)}</label>
                        <textarea id="field-body" name="body" rows="8" required=true
                            aria-invalid=move || field_error(&error.get(), "body").map(|_| "true")></textarea>
                        {move || field_error(&error.get(), "body").map(|key| view! { <p class="field__error">{move || i18n.t(key)}</p> })}
                    </div>
                    <button type="submit" class="button">{move || i18n.t(Key::ExchangePublish)}</button>
                </ActionForm>
            </section>
        </Protected>
    }
}

#[component]
fn ThreadList(page: ThreadPage) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/exchange", tenant.slug);
    let query = use_query_map();
    let page_link = move |number: u64| {
        let mut pairs: Vec<(String, String)> = ["q", "topic", "district", "tag"]
            .into_iter()
            .filter_map(|k| query.read_untracked().get(k).filter(|v| !v.is_empty()).map(|v| (k.to_owned(), v)))
            .collect();
        pairs.push(("page".into(), number.to_string()));
        let encoded: Vec<String> =
            pairs.iter().map(|(k, v)| format!("{k}={}", urlencoding_lite(v))).collect();
        format!("?{}", encoded.join("&"))
    };
    let (current, pages, total) = (page.page, page.pages, page.total);
    view! {
        <p id="exchange-count">{move || format!("{} {}", total, i18n.t(Key::ExchangeThreads))}</p>
        {if page.threads.is_empty() {
            view! { <p>{move || i18n.t(Key::ExchangeNone)}</p> }.into_any()
        } else {
            view! {
                <ul class="card-list" id="exchange-threads">
                    {page.threads.into_iter().map(|t| view! { <ThreadCard thread=t base=base.clone() /> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <crate::components::Pager page=current pages link=page_link />
    }
}

/// Percent-encodes a query value (letters, digits and `-_.~` stay).
fn urlencoding_lite(value: &str) -> String {
    value
        .bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[component]
fn ThreadCard(thread: ThreadSummary, base: String) -> impl IntoView {
    let i18n = I18n::expect();
    let topic = thread.topic;
    let active = thread.last_activity_at;
    let replies = thread.replies;
    let tag_base = base.clone();
    view! {
        <li class="card">
            <h3><A href=format!("{base}/{}", thread.id)>{thread.title.clone()}</A></h3>
            <p class="muted">
                {move || i18n.t(topic_key(topic))}
                {thread.district.clone().map(|d| format!(" · {d}"))}
                " · "{thread.author.clone()}" · "
                {move || format_date_time(active, i18n.locale(), DEFAULT_TIME_ZONE)}
                " · "{move || format!("{replies} {}", i18n.t(Key::ExchangeReplies))}
            </p>
            {(!thread.tags.is_empty()).then(|| view! {
                <ul class="tag-list">
                    {thread.tags.into_iter().map(|tag| {
                        let href = format!("{tag_base}?tag={}", urlencoding_lite(&tag));
                        view! { <li><A href=href>{format!("#{tag}")}</A></li> }
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}

#[component]
pub fn ThreadPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let reply = ServerAction::<ReplyThread>::new();
    let shown = Resource::new(
        move || (params.read().get("id"), reply.version().get()),
        |(id, _)| async move {
            match id.and_then(|id| uuid::Uuid::parse_str(&id).ok()) {
                Some(id) => exchange_thread(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ExchangeTitle))) />
        <Protected>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match shown.await {
                        Ok(view) => view! { <ThreadDetail view reply /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(AppError::Forbidden) => view! { <p class="notice notice--error">{move || i18n.t(Key::ExchangeNotForYou)}</p> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}

#[component]
fn ThreadDetail(view: model::exchange::ThreadView, reply: ServerAction<ReplyThread>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/exchange", tenant.slug);
    let query = use_query_map();
    let upload_outcome = move || query.read().get("upload");
    let summary = view.summary.clone();
    let topic = summary.topic;
    let thread = summary.id;
    let error = Signal::derive(move || reply.value().get().and_then(Result::err));
    view! {
        <p class="breadcrumb"><A href=base.clone()>{move || i18n.t(Key::ExchangeTitle)}</A></p>
        <h1>{summary.title.clone()}</h1>
        <p class="lead">
            {move || i18n.t(topic_key(topic))}
            {summary.district.clone().map(|d| format!(" · {d}"))}
            {summary.tags.iter().map(|t| format!(" · #{t}")).collect::<String>()}
        </p>
        {move || upload_outcome().map(|outcome| {
            let (class, key) = super::bids::upload_message(&outcome);
            view! { <p class=class role="status">{move || i18n.t(key)}</p> }
        })}
        <Post post=view.opening.clone() base=base.clone() thread />
        <section aria-labelledby="exchange-replies">
            <h2 id="exchange-replies">{move || format!("{} ({})", i18n.t(Key::ExchangeReplies), summary.replies)}</h2>
            {view.replies.into_iter().map(|post| view! { <Post post base=base.clone() thread /> }).collect_view()}
        </section>
        <section aria-labelledby="exchange-reply">
            <h2 id="exchange-reply">{move || i18n.t(Key::ExchangeReply)}</h2>
            <div role="alert">
                {move || error.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
            </div>
            <ActionForm action=reply attr:class="form" attr:id="reply-form">
                <input type="hidden" name="thread" value=thread.to_string() />
                <div class="field">
                    <label for="reply-body">{move || i18n.t(Key::ExchangeBody)}</label>
                    <textarea id="reply-body" name="body" rows="5" required=true></textarea>
                </div>
                <button type="submit" class="button">{move || i18n.t(Key::ExchangeSendReply)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Post(post: PostView, base: String, thread: uuid::Uuid) -> impl IntoView {
    let i18n = I18n::expect();
    let at = post.created_at;
    let id = post.id;
    let file_base = format!("{base}/{id}/files");
    view! {
        <article class="card exchange-post" id=format!("post-{id}")>
            <p class="muted">{post.author.clone()}" · "{move || format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE)}</p>
            <div class="prose">{paragraphs(&post.body)}</div>
            {(!post.files.is_empty()).then(|| view! {
                <ul class="plain-list">
                    {post.files.iter().map(|f| view! {
                        <li><a href=format!("{file_base}/{}", f.id) download=f.file_name.clone()>{f.file_name.clone()}</a>
                        " ("{format!("{} KB", f.size_bytes.div_ceil(1024))}")"</li>
                    }).collect_view()}
                </ul>
            })}
            {post.own.then(|| view! {
                <form class="inline-form" method="post" enctype="multipart/form-data" action=file_base.clone()>
                    <input type="hidden" name="thread" value=thread.to_string() />
                    <label for=format!("file-{id}")>{move || i18n.t(Key::ExchangeAttach)}</label>
                    <input id=format!("file-{id}") type="file" name="file" accept=".pdf,.odt,.docx" required=true />
                    <button type="submit" class="button button--quiet">{move || i18n.t(Key::ExchangeUpload)}</button>
                </form>
            })}
        </article>
    }
}
