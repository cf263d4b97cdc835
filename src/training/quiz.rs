//! A quiz (lesson 小测验 or course 结业测验): single choice, multiple choice and true/false.
//! All questions must be answered; on submit each shows whether it was right, the right answer
//! and the explanation; then the score against the pass mark, and a retry. The caller records
//! the attempt (the best score is kept in the progress record).

use deputy_model::training::{QuestionKind, Quiz, QuizRecord, QuizScore};
use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::storage::{self, draft_value};

/// What a quiz needs from its page (see [`QuizView`]).
#[derive(Clone)]
pub struct QuizArgs {
    pub key: String,
    pub quiz: Quiz,
    pub heading: String,
    pub record: Signal<QuizRecord>,
    pub on_scored: Callback<QuizScore>,
}

// A part of the lesson's and the course's page (`src/split.rs`): its code comes when the learner
// nears the quiz (`ui::WhenNear`).
crate::split_part!(part__quiz, lazy_quiz, pub fn quiz(args: QuizArgs) -> {
    let QuizArgs { key, quiz, heading, record, on_scored } = args;
    view! { <QuizView key quiz heading record on_scored /> }
});

#[component]
fn QuizView(
    /// Unique on the page; prefixes the controls' ids.
    #[prop(into)]
    key: String,
    quiz: Quiz,
    #[prop(into)] heading: String,
    /// The saved record of earlier attempts.
    #[prop(into)]
    record: Signal<QuizRecord>,
    #[prop(into)] on_scored: Callback<QuizScore>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = quiz.questions.len();
    // The answers chosen so far are a draft (they survive a reload, a language switch, a lost
    // connection) until the quiz is submitted. A draft that no longer fits the quiz (its
    // questions changed since) is dropped.
    let answers = draft_value::<Vec<Vec<usize>>>("quiz", &key);
    let fits = |a: &Vec<Vec<usize>>| {
        a.is_empty()
            || a.len() == n
                && a.iter().zip(&quiz.questions).all(|(chosen, q)| chosen.iter().all(|i| *i < q.options.len()))
    };
    if !answers.with_untracked(fits) {
        answers.set(Vec::new());
    }
    let empty = move || vec![Vec::<usize>::new(); n];
    let result = RwSignal::new(None::<QuizScore>);
    let missing = RwSignal::new(0usize);
    let quiz_for_submit = quiz.clone();
    let key_submit = key.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = answers.get_untracked();
        let given = if given.is_empty() { empty() } else { given };
        let unanswered = given.iter().filter(|a| a.is_empty()).count();
        missing.set(unanswered);
        if unanswered > 0 {
            return;
        }
        let score = quiz_for_submit.score(&given);
        result.set(Some(score.clone()));
        on_scored.run(score);
        // Scored and recorded: the chosen answers stay on screen but are no longer a draft.
        storage::remove(&storage::draft_key("quiz", &key_submit));
        // Bring the learner to the result, which sits above the questions' feedback.
        let id = format!("{key_submit}-result");
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                el.scroll_into_view();
                let _ = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&el).map(|e| e.focus());
            }
        });
    };
    let retry = move |_| {
        answers.set(Vec::new());
        result.set(None);
        missing.set(0);
    };
    let pass = quiz.pass_percent;
    let questions = quiz.questions.clone();
    let key_result = format!("{key}-result");
    let heading_id = format!("{key}-heading");
    let heading_id2 = heading_id.clone();
    view! {
        <section class="quiz" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id2>{heading}</h2>
            <p class="quiz-rule">{t!(i18n, training.quiz_rule, n = n, pass = pass)}</p>
            {move || {
                let r = record.get();
                let attempts = r.attempts;
                let passed = r.passed_on.is_some();
                r.best_percent.map(|best| view! {
                    <p class="quiz-best">
                        {t!(i18n, training.quiz_best, best = best, attempts = attempts)}
                        {passed.then(|| view! { " "<strong class="pass-badge">{tr!(training.passed)}</strong> })}
                    </p>
                })
            }}
            <div id=key_result.clone() tabindex="-1" class="quiz-result-anchor">
                {move || result.get().map(|s| view! {
                    <div class=if s.passed { "quiz-result pass" } else { "quiz-result fail" } role="status">
                        <p class="quiz-score">{t!(i18n, training.quiz_score, right = s.right, total = s.total, percent = s.percent)}</p>
                        <p>{if s.passed { tr!(training.quiz_passed) } else { tr!(training.quiz_failed) }}</p>
                        <button type="button" class="button secondary" on:click=retry>{tr!(training.quiz_retry)}</button>
                    </div>
                })}
            </div>
            <form class="form quiz-form" novalidate on:submit=submit>
                <ol class="quiz-questions">
                    {questions.into_iter().enumerate().map(|(qi, q)| {
                        let name = format!("{key}-{}", q.id);
                        let multiple = q.kind == QuestionKind::Multiple;
                        let kind_label = match q.kind {
                            QuestionKind::Single => tr!(training.kind_single),
                            QuestionKind::Multiple => tr!(training.kind_multiple),
                            QuestionKind::TrueFalse => tr!(training.kind_true_false),
                        };
                        let right_text: Vec<String> = q.answer.iter().filter_map(|a| q.options.get(*a).cloned()).collect();
                        let right_text = right_text.join("；");
                        let explanation = q.explanation.clone();
                        view! {
                            <li class="quiz-question">
                                <fieldset>
                                    <legend><span class="quiz-kind">{kind_label}</span>" "{q.text.clone()}</legend>
                                    {q.options.iter().enumerate().map(|(oi, opt)| {
                                        let id = format!("{name}-{oi}");
                                        let checked = move || answers.with(|a| a.get(qi).is_some_and(|chosen| chosen.contains(&oi)));
                                        let toggle = move |_| {
                                            answers.update(|a| {
                                                if a.is_empty() {
                                                    *a = empty();
                                                }
                                                if multiple {
                                                    if let Some(p) = a[qi].iter().position(|x| *x == oi) {
                                                        a[qi].remove(p);
                                                    } else {
                                                        a[qi].push(oi);
                                                    }
                                                } else {
                                                    a[qi] = vec![oi];
                                                }
                                            });
                                        };
                                        let is_right = q.answer.contains(&oi);
                                        view! {
                                            <div class="choice quiz-option" class:right-option=move || result.get().is_some() && is_right>
                                                <input
                                                    type=if multiple { "checkbox" } else { "radio" }
                                                    id=id.clone()
                                                    name=name.clone()
                                                    prop:checked=checked
                                                    disabled=move || result.get().is_some()
                                                    on:change=toggle
                                                />
                                                <label for=id>{opt.clone()}</label>
                                            </div>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                {move || result.get().map(|s| {
                                    let ok = s.each.get(qi).copied().unwrap_or(false);
                                    view! {
                                        <div class=if ok { "quiz-feedback right" } else { "quiz-feedback wrong" }>
                                            <p class="quiz-verdict">
                                                <strong>{if ok { tr!(training.right) } else { tr!(training.wrong) }}</strong>
                                                " "{t!(i18n, training.answer_is, answer = right_text.clone())}
                                            </p>
                                            <p class="quiz-explanation">{tr!(training.explanation)}{tr!(punct.colon)}{explanation.clone()}</p>
                                        </div>
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                {move || {
                    let m = missing.get();
                    (m > 0).then(|| view! { <p class="error" role="alert">{t!(i18n, training.quiz_missing, n = m)}</p> })
                }}
                {move || result.get().is_none().then(|| view! {
                    <button type="submit" class="button">{tr!(training.quiz_submit)}</button>
                })}
            </form>
        </section>
    }
}
