//! 我的学习 (/training/mine): courses in progress and passed, 学时 earned this year, time spent,
//! certificates, and sending the record to the station through the outbox (so the hours can
//! enter the duty record).

use deputy_model::submission::SubmissionKind;
use deputy_model::training::{
    CourseState, CourseSummary, TrainingIndex, TrainingProgress, format_tenths, hours_tenths,
};
use leptos::prelude::*;
use leptos_router::components::A;

use super::progress::Progress;
use super::{StateBadge, hours};
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::{ReceiptCode, href, loaded};

#[component]
pub fn MyTrainingPage() -> impl IntoView {
    let index = DataResource::new(data::training_index);
    super::offline::register();
    view! {
        <section class="page training mine-training">
            <h1>{tr!(training.mine)}</h1>
            <p class="lead">{tr!(training.mine_intro)}</p>
            {loaded(index, |idx| view! { <MineView idx /> })}
        </section>
    }
}

/// What is sent to the station: per course its state, per lesson its dates and scores.
fn report(idx: &TrainingIndex, p: &TrainingProgress, year: i32) -> serde_json::Value {
    let minutes = p.minutes_in_year(&idx.courses, year);
    let courses: Vec<serde_json::Value> = idx
        .courses
        .iter()
        .filter(|c| p.course_state(c) != CourseState::NotStarted)
        .map(|c| {
            let (done, total) = match p.course_state(c) {
                CourseState::InProgress { done, total } => (done, total),
                _ => (c.lessons.len() as u32, c.lessons.len() as u32),
            };
            serde_json::json!({
                "course_id": c.id,
                "title": c.title,
                "lessons_done": done,
                "lessons_total": total,
                "passed_on": p.course_passed_on(c),
                "hours": format_tenths(c.hours_tenths()),
                "final_best_percent": p.finals.get(&c.id).and_then(|f| f.best_percent),
            })
        })
        .collect();
    let lessons: Vec<serde_json::Value> = p
        .lessons
        .iter()
        .map(|(id, l)| {
            serde_json::json!({
                "lesson_id": id,
                "completed_on": l.completed_on,
                "seconds": l.seconds,
                "quiz_best_percent": l.quiz.best_percent,
                "quiz_attempts": l.quiz.attempts,
            })
        })
        .collect();
    serde_json::json!({
        "year": year,
        "minutes": minutes,
        "hours": format_tenths(hours_tenths(minutes)),
        "minutes_per_hour": idx.minutes_per_hour,
        "courses": courses,
        "lessons": lessons,
    })
}

#[component]
fn MineView(idx: TrainingIndex) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let progress = Progress::load();
    let p = progress.get_untracked();
    let year = crate::ui::today().year();
    let minutes = p.minutes_in_year(&idx.courses, year);
    let spent = p.seconds_spent() / 60;
    let going: Vec<CourseSummary> =
        idx.courses.iter().filter(|c| matches!(p.course_state(c), CourseState::InProgress { .. })).cloned().collect();
    let passed: Vec<CourseSummary> =
        idx.courses.iter().filter(|c| p.course_state(c) == CourseState::Passed).cloned().collect();
    let receipt = RwSignal::new(None::<String>);
    let has_record = !p.lessons.is_empty() || !p.finals.is_empty();
    let idx_send = idx.clone();
    let send = move |_| {
        let p = progress.get_untracked();
        let payload = report(&idx_send, &p, year);
        let title = t_string!(
            i18n,
            training.report_title,
            year = year,
            h = format_tenths(hours_tenths(p.minutes_in_year(&idx_send.courses, year)))
        )
        .to_string();
        receipt.set(Some(outbox.submit(SubmissionKind::Training, title, payload)));
    };
    let (n_going, n_passed) = (going.len(), passed.len());
    view! {
        <dl class="training-stats">
            <div class="stat">
                <dt>{t!(i18n, training.year_hours, year = year)}</dt>
                <dd><strong class="stat-number" id="year-hours">{format_tenths(hours_tenths(minutes))}</strong>" "{tr!(training.hour_unit)}</dd>
            </div>
            <div class="stat"><dt>{tr!(training.passed_courses)}</dt><dd><strong class="stat-number">{n_passed}</strong></dd></div>
            <div class="stat"><dt>{tr!(training.going_courses)}</dt><dd><strong class="stat-number">{n_going}</strong></dd></div>
            <div class="stat"><dt>{tr!(training.time_total)}</dt><dd><strong class="stat-number">{spent}</strong>" "{tr!(training.minute_unit)}</dd></div>
        </dl>
        <p class="hint">{tr!(training.hours_rule)}</p>
        <h2>{tr!(training.going)}</h2>
        {if going.is_empty() {
            view! { <p class="empty">{tr!(training.none_going)}" "<A href=href("/training")>{tr!(training.to_catalog)}</A></p> }.into_any()
        } else {
            let p = p.clone();
            view! {
                <ul class="course-list">
                    {going.into_iter().map(|c| {
                        let state = p.course_state(&c);
                        let next = c.lessons.iter().find(|l| !p.lesson_done(&l.id)).cloned();
                        view! {
                            <li class="course-card">
                                <A href=href(&format!("/training/course/{}", c.id)) attr:class="course-title">{c.title.clone()}</A>
                                <p class="news-meta"><StateBadge state /><span>{t!(i18n, training.hours, h = hours(c.minutes))}</span></p>
                                {next.map(|l| view! {
                                    <p><A href=href(&format!("/training/lesson/{}", l.id))>{tr!(training.continue_with)}" "{l.title.clone()}</A></p>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{tr!(training.done)}</h2>
        {if passed.is_empty() {
            view! { <p class="empty">{tr!(training.none_done)}</p> }.into_any()
        } else {
            view! {
                <ul class="course-list">
                    {passed.into_iter().map(|c| {
                        let on = p.course_passed_on(&c).unwrap_or_default();
                        view! {
                            <li class="course-card">
                                <A href=href(&format!("/training/course/{}", c.id)) attr:class="course-title">{c.title.clone()}</A>
                                <p class="news-meta">
                                    <span>{t!(i18n, training.passed_on, date = on)}</span>
                                    <span>{t!(i18n, training.hours, h = hours(c.minutes))}</span>
                                </p>
                                <p><A href=href(&format!("/training/certificate/{}", c.id)) attr:class="button secondary">{tr!(training.certificate)}</A></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <section class="report-section" aria-labelledby="report-heading">
            <h2 id="report-heading">{tr!(training.report)}</h2>
            <p>{tr!(training.report_intro)}</p>
            {move || match receipt.get() {
                Some(code) => view! {
                    <div class="done" role="status">
                        <p>{tr!(training.report_done)}</p>
                        <ReceiptCode code />
                        <p><A href=href("/mine")>{tr!(training.to_outbox)}</A></p>
                    </div>
                }.into_any(),
                None if has_record => view! {
                    <button type="button" class="button" on:click=send.clone()>{tr!(training.report_send)}</button>
                }.into_any(),
                None => view! { <p class="hint">{tr!(training.report_nothing)}</p> }.into_any(),
            }}
        </section>
    }
}
