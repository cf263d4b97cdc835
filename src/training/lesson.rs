//! One lesson: structured text (headings, paragraphs, lists, quotes, described figures), optional
//! audio or video with its transcript, read-aloud, the lesson quiz, and previous/next. The reading
//! position (the furthest block reached) and the time spent are saved as the learner goes, so
//! leaving mid-way and coming back returns to the same place.

use std::time::Duration;

use deputy_model::training::{Lesson, LessonBlock, LessonRef, Media, MediaKind, QuizScore};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::prelude::*;

use super::offline::{OfflineBadge, OfflineState, keep_course};
use super::progress::{Progress, today_string};
use super::quiz::{QuizArgs, quiz};
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{ReadAloud, WhenNear, href, loaded};

/// How often the time counter adds up (while the page is visible).
const TICK: Duration = Duration::from_secs(10);

#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let lesson = DataResource::new(move || data::training_lesson(id.get()));
    view! {
        <section class="page training lesson">
            {loaded(lesson, |l| view! { <LessonView l /> })}
        </section>
    }
}

#[wasm_bindgen(inline_js = r#"
export function block_top(selector) {
  const el = document.querySelector(selector);
  return el ? el.getBoundingClientRect().top : NaN;
}
export function first_unread(selector) {
  const els = document.querySelectorAll(selector);
  // A block counts as read once it is scrolled up to 40 px from the top: the one above a block
  // brought to the top (scroll-margin 1rem) is then read, not current.
  for (let i = 0; i < els.length; i++) {
    if (els[i].getBoundingClientRect().bottom > 40) return i;
  }
  return els.length - 1;
}
"#)]
extern "C" {
    fn first_unread(selector: &str) -> i32;
    #[wasm_bindgen(js_name = block_top)]
    fn block_top_js(selector: &str) -> f64;
}

/// Where a block is from the top of the window, when it is on the page.
fn block_top(index: u32) -> Option<f64> {
    let top = block_top_js(&format!(".lesson-block[data-block=\"{index}\"]"));
    (!top.is_nan()).then_some(top)
}

/// The index of the first block not yet scrolled past: the reading position.
fn current_block() -> Option<u32> {
    u32::try_from(first_unread(".lesson-block")).ok()
}

fn scroll_to_block(index: u32) {
    let selector = format!(".lesson-block[data-block=\"{index}\"]");
    if let Ok(Some(el)) = document().query_selector(&selector) {
        el.scroll_into_view();
    }
}

#[component]
fn LessonView(l: Lesson) -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::load();
    let id = l.id.clone();
    let saved = progress.get_untracked().lesson(&id);
    let resumed = RwSignal::new(saved.position > 0 && saved.completed_on.is_none());

    // Back to where the learner left off, once the text is laid out.
    // Until then, scrolling (the router's, the focus on the heading) must not overwrite it.
    let tracking = StoredValue::new(!resumed.get_untracked());
    if resumed.get_untracked() {
        let pos = saved.position;
        set_timeout(move || scroll_to_block(pos), Duration::from_millis(60));
        // Once more after the page has settled: moving focus to the new page's heading (the
        // shell does that after navigation) can scroll back to the top.
        set_timeout(
            move || {
                if block_top(pos).is_some_and(|top| top.abs() > 80.0) {
                    scroll_to_block(pos);
                }
                tracking.try_set_value(true);
            },
            Duration::from_millis(500),
        );
    }

    // Save the reading position as the learner scrolls down.
    let last_saved = StoredValue::new(saved.position);
    let id_scroll = id.clone();
    let lesson_path = format!("/training/lesson/{id}");
    let scroll = window_event_listener(leptos::ev::scroll, move |_| {
        // Not after leaving: the router's scroll to the top of the next page is not reading.
        let here = window().location().pathname().unwrap_or_default();
        if !tracking.try_get_value().unwrap_or(false) || !here.ends_with(&lesson_path) {
            return;
        }
        let Some(pos) = current_block() else { return };
        // The furthest block reached: scrolling back up (to the back link, say) keeps the place.
        if pos > last_saved.try_get_value().unwrap_or(u32::MAX) {
            last_saved.try_set_value(pos);
            progress.update_quietly(|p| p.lessons.entry(id_scroll.clone()).or_default().position = pos);
        }
    });
    // Count time while the page is visible.
    let id_tick = id.clone();
    let tick = set_interval_with_handle(
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                progress
                    .update_quietly(|p| p.lessons.entry(id_tick.clone()).or_default().seconds += TICK.as_secs() as u32);
            }
        },
        TICK,
    )
    .ok();
    on_cleanup(move || {
        scroll.remove();
        if let Some(t) = tick {
            t.clear();
        }
    });

    // Keep the whole course for offline study.
    let (offline, set_offline) = signal(OfflineState::Checking);
    let course_id = l.course_id.clone();
    leptos::task::spawn_local(async move {
        match data::training_course(course_id.clone()).await {
            Ok(c) => {
                let ids = c.summary.lessons.iter().map(|l| l.id.clone()).collect();
                keep_course(course_id, ids, set_offline).await;
            }
            Err(_) => set_offline.set(OfflineState::Unavailable),
        }
    });

    let read_text: String =
        std::iter::once(l.title.clone()).chain(l.blocks.iter().map(|b| b.plain_text())).collect::<Vec<_>>().join("。");
    let id_quiz = id.clone();
    let on_scored = Callback::new(move |score: QuizScore| {
        progress.update(|p| p.record_lesson_quiz(&id_quiz, &score, &today_string()));
    });
    let id_record = id.clone();
    let record = Signal::derive(move || progress.with(|p| p.lesson(&id_record).quiz));
    let id_done = id.clone();
    let done = Signal::derive(move || progress.with(|p| p.lesson_done(&id_done)));
    let id_complete = id.clone();
    let complete = move |_| progress.update(|p| p.complete_lesson(&id_complete, &today_string()));
    let minutes_spent = saved.seconds / 60;

    view! {
        <p class="breadcrumb">
            <A href=href(&format!("/training/course/{}", l.course_id))>{t!(i18n, training.back_to_course, course = l.course_title.clone())}</A>
        </p>
        <h1>{l.title.clone()}</h1>
        <p class="news-meta lesson-meta">
            <span>{t!(i18n, training.lesson_number, n = l.number, count = l.count)}</span>
            <span>{t!(i18n, training.minutes, n = l.minutes)}</span>
            {(minutes_spent > 0).then(|| view! { <span>{t!(i18n, training.time_spent, n = minutes_spent)}</span> })}
            {move || done.get().then(|| view! { <strong class="pass-badge">{tr!(training.lesson_done)}</strong> })}
        </p>
        <OfflineBadge state=offline />
        {move || resumed.get().then(|| view! {
            <p class="resume-note" role="status">
                {tr!(training.resumed)}" "
                <button type="button" class="button secondary small" on:click=move |_| {
                    resumed.set(false);
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }>{tr!(training.from_start)}</button>
            </p>
        })}
        <div class="read-aloud"><ReadAloud text=read_text /></div>
        {l.media.clone().map(|m| view! { <MediaView m /> })}
        <div class="lesson-text">
            {l.blocks.iter().enumerate().map(|(i, b)| block_view(i, b)).collect_view()}
        </div>
        {match l.quiz.clone() {
            Some(q) => {
                let args = StoredValue::new(QuizArgs { key: format!("quiz-{id}"), quiz: q, heading: tr!(training.lesson_quiz).into(), record, on_scored });
                view! { <WhenNear now=false>{move || quiz(args.get_value())}</WhenNear> }.into_any()
            }
            None => view! {
                <p class="lesson-complete">
                    {move || if done.get() {
                        view! { <strong class="pass-badge">{tr!(training.lesson_done)}</strong> }.into_any()
                    } else {
                        view! { <button type="button" class="button" on:click=complete.clone()>{tr!(training.mark_done)}</button> }.into_any()
                    }}
                </p>
            }.into_any(),
        }}
        <LessonNav previous=l.previous.clone() next=l.next.clone() course_id=l.course_id.clone() />
    }
}

fn block_view(i: usize, b: &LessonBlock) -> AnyView {
    match b.clone() {
        LessonBlock::Heading { text } => view! { <h2 class="lesson-block" data-block=i>{text}</h2> }.into_any(),
        LessonBlock::Paragraph { text } => view! { <p class="lesson-block" data-block=i>{text}</p> }.into_any(),
        LessonBlock::List { items } => view! {
            <ul class="lesson-block lesson-list" data-block=i>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
        }
        .into_any(),
        LessonBlock::Quote { text, source } => view! {
            <blockquote class="lesson-block lesson-quote" data-block=i>
                <p>{text}</p>
                {source.map(|s| view! { <p class="quote-source">"——"{s}</p> })}
            </blockquote>
        }
        .into_any(),
        LessonBlock::Figure { caption, alt } => view! {
            <figure class="lesson-block lesson-figure" data-block=i>
                <p class="figure-text">{alt}</p>
                <figcaption>{caption}</figcaption>
            </figure>
        }
        .into_any(),
    }
}

/// Audio or video, loaded only when asked for (weak networks), with the transcript always there.
#[component]
fn MediaView(m: Media) -> impl IntoView {
    let playing = RwSignal::new(false);
    // The file may be missing or the network gone: say so and point at the transcript.
    let failed = RwSignal::new(false);
    let url = m.url.clone();
    let kind = m.kind;
    view! {
        <section class="lesson-media" aria-labelledby="media-heading">
            <h2 id="media-heading">{match kind { MediaKind::Audio => tr!(training.audio), MediaKind::Video => tr!(training.video) }}</h2>
            {move || if failed.get() {
                view! {
                    <div class="notice" role="alert">
                        <p>{tr!(training.media_failed)}</p>
                        <button type="button" class="button secondary" on:click=move |_| failed.set(false)>
                            {tr!(training.media_retry)}
                        </button>
                    </div>
                }.into_any()
            } else if playing.get() {
                match kind {
                    MediaKind::Audio => view! { <audio controls autoplay src=url.clone() on:error=move |_| failed.set(true)></audio> }.into_any(),
                    MediaKind::Video => view! { <video controls autoplay playsinline src=url.clone() on:error=move |_| failed.set(true)></video> }.into_any(),
                }
            } else {
                view! {
                    <p>
                        <button type="button" class="button secondary" on:click=move |_| playing.set(true)>
                            {match kind { MediaKind::Audio => tr!(training.play_audio), MediaKind::Video => tr!(training.play_video) }}
                        </button>
                        " "<span class="hint">{tr!(training.media_hint)}</span>
                    </p>
                }.into_any()
            }}
            <details class="transcript" open>
                <summary>{tr!(training.transcript)}</summary>
                <p>{m.transcript.clone()}</p>
            </details>
        </section>
    }
}

#[component]
fn LessonNav(previous: Option<LessonRef>, next: Option<LessonRef>, course_id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="lesson-nav" aria-label=move || t_string!(i18n, training.lesson_nav)>
            {previous.map(|p| view! {
                <A href=href(&format!("/training/lesson/{}", p.id)) attr:class="button secondary" attr:rel="prev">
                    {t!(i18n, training.previous, title = p.title.clone())}
                </A>
            })}
            {match next {
                Some(n) => view! {
                    <A href=href(&format!("/training/lesson/{}", n.id)) attr:class="button" attr:rel="next">
                        {t!(i18n, training.next, title = n.title.clone())}
                    </A>
                }.into_any(),
                None => view! {
                    <A href=href(&format!("/training/course/{course_id}")) attr:class="button">{tr!(training.course_end)}</A>
                }.into_any(),
            }}
        </nav>
    }
}
