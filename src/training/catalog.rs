//! The course catalog (/training): courses grouped by topic, each with its level, 学时, lesson
//! count and the learner's progress. Search and filters live in the URL (?q=&topic=&level=).

use deputy_model::training::{CourseLevel, CourseSummary, TrainingProgress};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::progress::Progress;
use super::{StateBadge, hours, level_label};
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{href, loaded, replace_query};

/// Whether a course matches the search words (title, summary, topic or a lesson title).
fn matches(c: &CourseSummary, q: &str) -> bool {
    let q = q.trim();
    q.is_empty()
        || q.split_whitespace().all(|w| {
            c.title.contains(w)
                || c.summary.contains(w)
                || c.topic.contains(w)
                || c.lessons.iter().any(|l| l.title.contains(w))
        })
}

#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let topic = Memo::new(move |_| query.read().get("topic").unwrap_or_default());
    let level = Memo::new(move |_| query.read().get("level").unwrap_or_default());
    let index = DataResource::new(data::training_index);
    let progress = Progress::load();
    super::offline::register();
    let navigate = use_navigate();
    let set = move |q: &str, topic: &str, level: &str| {
        replace_query(&navigate, "/training", &[("q", q), ("topic", topic), ("level", level)]);
    };
    let composing = RwSignal::new(false);
    view! {
        <section class="page training">
            <h1>{tr!(training.title)}</h1>
            <p class="lead">{tr!(training.intro)}</p>
            <p class="actions">
                <A href=href("/training/mine") attr:class="button secondary">{tr!(training.mine)}</A>
            </p>
            {loaded(index, move |idx| {
                let (s1, s2, s3, s4) = (set.clone(), set.clone(), set.clone(), set.clone());
                let topics = idx.topics.clone();
                let courses = idx.courses.clone();
                view! {
                    <form class="form filters training-filters" role="search" on:submit=|ev| ev.prevent_default()>
                        <h2 class="visually-hidden">{tr!(training.find)}</h2>
                        <div class="field">
                            <label for="t-q">{tr!(training.search)}</label>
                            <input id="t-q" type="search" autocomplete="off"
                                prop:value=move || q.get()
                                on:compositionstart=move |_| composing.set(true)
                                on:compositionend=move |ev| {
                                    composing.set(false);
                                    s1(&event_target_value(&ev), &topic.get_untracked(), &level.get_untracked());
                                }
                                on:input=move |ev| {
                                    if !composing.get_untracked() {
                                        s2(&event_target_value(&ev), &topic.get_untracked(), &level.get_untracked());
                                    }
                                }
                            />
                        </div>
                        <div class="field">
                            <label for="t-topic">{tr!(training.topic)}</label>
                            <select id="t-topic" on:change=move |ev| s3(&q.get_untracked(), &event_target_value(&ev), &level.get_untracked())>
                                <option value="" selected=move || topic.get().is_empty()>{tr!(training.any_topic)}</option>
                                {topics.iter().map(|t| {
                                    let v = t.clone();
                                    view! { <option value=t.clone() selected=move || topic.get() == v>{t.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="t-level">{tr!(training.level)}</label>
                            <select id="t-level" on:change=move |ev| s4(&q.get_untracked(), &topic.get_untracked(), &event_target_value(&ev))>
                                <option value="" selected=move || level.get().is_empty()>{tr!(training.any_level)}</option>
                                {[CourseLevel::Initial, CourseLevel::Special].into_iter().map(|l| {
                                    view! { <option value=l.key() selected=move || level.get() == l.key()>{level_label(i18n, l)}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    </form>
                    {move || {
                        let (qv, tv, lv) = (q.get(), topic.get(), level.get());
                        let shown: Vec<CourseSummary> = courses
                            .iter()
                            .filter(|c| matches(c, &qv))
                            .filter(|c| tv.is_empty() || c.topic == tv)
                            .filter(|c| lv.is_empty() || c.level.key() == lv)
                            .cloned()
                            .collect();
                        let p = progress.get();
                        if shown.is_empty() {
                            return view! { <p class="empty">{tr!(training.empty)}</p> }.into_any();
                        }
                        let n = shown.len();
                        view! {
                            <p class="results-count" role="status">{t!(i18n, training.count, n = n)}</p>
                            {topics.iter().filter(|t| shown.iter().any(|c| &c.topic == *t)).map(|t| {
                                let in_topic: Vec<CourseSummary> = shown.iter().filter(|c| &c.topic == t).cloned().collect();
                                let p = p.clone();
                                view! {
                                    <section class="topic-group">
                                        <h2>{t.clone()}</h2>
                                        <ul class="course-list">
                                            {in_topic.into_iter().map(|c| view! { <CourseCard c p=p.clone() /> }).collect_view()}
                                        </ul>
                                    </section>
                                }
                            }).collect_view()}
                        }.into_any()
                    }}
                }
            })}
        </section>
    }
}

#[component]
fn CourseCard(c: CourseSummary, p: TrainingProgress) -> impl IntoView {
    let i18n = use_i18n();
    let state = p.course_state(&c);
    view! {
        <li class="course-card">
            <A href=href(&format!("/training/course/{}", c.id)) attr:class="course-title">{c.title.clone()}</A>
            <p class="news-meta">
                <span class=format!("course-level level-{}", c.level.key())>{level_label(i18n, c.level)}</span>
                <span>{t!(i18n, training.hours, h = hours(c.minutes))}</span>
                <span>{t!(i18n, training.lesson_count, n = c.lessons.len())}</span>
                <StateBadge state />
            </p>
            <p class="course-summary">{c.summary.clone()}</p>
        </li>
    }
}
