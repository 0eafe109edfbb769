//! The steering group's evaluation workspace: a closed call's lots with the member's declarations of
//! conflicts of interest and the bids to score, the score sheet of one bid (saved as you type, then
//! finalised, then shown with the others' sheets), the ranking per lot with its score matrix, and the
//! member's open work on the home page. What a member may see is decided on the server
//! (`app::evaluation::ops` with `model::policy`); these pages show what the server functions return.

use crate::AppError;
use crate::awards::{Decide, Recommend};
use crate::components::{CurrentTenant, CurrentUser, ErrorNotice, NotFound, Protected, autosave, error_text};
use crate::evaluation::{
    DeclareConflicts, FinaliseScore, SaveScore, evaluation, evaluation_tasks, my_score_sheet, ranking,
};
use crate::i18n::{I18n, Key, msg};
use crate::pages::calls::CallFacts;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use model::Permission;
use model::award::{DecisionView, RecommendationView};
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
use model::evaluation::RankingLine;
use model::evaluation::{
    BidScoresView, Conflict, EvaluationProblem, EvaluationTask, EvaluationView, LotEvaluation, LotRanking, MyScore,
    RankingHidden, RankingView, SheetStatus,
};
use model::ranking::format_score;
use model::rubric::Rubric;
use uuid::Uuid;

fn id_param() -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("id").and_then(|id| Uuid::parse_str(&id).ok())
}

fn conflict_key(conflict: Conflict) -> Key {
    match conflict {
        Conflict::None => Key::ConflictNone,
        Conflict::Employment => Key::ConflictEmployment,
        Conflict::Board => Key::ConflictBoard,
        Conflict::Other => Key::ConflictOther,
    }
}

fn sheet_status_key(status: SheetStatus) -> Key {
    match status {
        SheetStatus::NotStarted => Key::SheetNotStarted,
        SheetStatus::Draft => Key::SheetDraft,
        SheetStatus::Final => Key::SheetFinal,
    }
}

fn sheet_problem_key(problem: EvaluationProblem) -> Key {
    match problem {
        EvaluationProblem::PointsMissing => Key::SheetPointsMissing,
        EvaluationProblem::JustificationMissing => Key::SheetJustificationMissing,
        EvaluationProblem::OutOfScale => Key::ErrMalformed,
        EvaluationProblem::TooLong | EvaluationProblem::TooManyEntries => Key::ErrTooLong,
        EvaluationProblem::NoteMissing => Key::ErrRequired,
    }
}

/// `/{tenant}/calls/{id}/evaluation`: declarations per lot, then the bids to score.
#[component]
pub fn EvaluationPage() -> impl IntoView {
    let i18n = I18n::expect();
    let id = id_param();
    let declare = ServerAction::<DeclareConflicts>::new();
    let overview = Resource::new(
        move || (id(), declare.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => evaluation(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::EvaluationTitle))) />
        <Protected permission=Permission::ReadBids>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(view) => view! { <Evaluation view declare /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(err) => view! { <p class="notice">{error_text(i18n.locale(), &err)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn Evaluation(view: EvaluationView, declare: ServerAction<DeclareConflicts>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let call_id = view.call.id;
    let scorer = view.scorer;
    let call_title = view.call.title.clone();
    view! {
        <p class="breadcrumb"><A href=format!("/{slug}/calls/{call_id}")>{call_title}</A></p>
        <h1>{move || i18n.t(Key::EvaluationTitle)}</h1>
        <p class="lead">{view.call.title.clone()}</p>
        <CallFacts summary=view.call.clone() />
        <p>
            <A href=format!("/{slug}/calls/{call_id}/ranking")>{move || i18n.t(Key::RankingTitle)}</A>
        </p>
        <div role="alert">
            {move || declare.value().get().and_then(Result::err).map(|e| view! {
                <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p>
            })}
        </div>
        <RubricSummary rubric=view.rubric.clone() />
        {view.lots.into_iter().filter(|lot| !lot.bidders.is_empty()).map(|lot| {
            view! { <LotCard lot call_id scorer declare slug=slug.clone() /> }
        }).collect_view()}
    }
}

#[component]
fn RubricSummary(rubric: Rubric) -> impl IntoView {
    let i18n = I18n::expect();
    let total = rubric.total_weight();
    view! {
        <details class="card">
            <summary>{move || i18n.t(Key::RubricTitle)}</summary>
            <table class="table">
                <caption class="visually-hidden">{move || i18n.t(Key::RubricTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::CriterionLabel)}</th>
                        <th scope="col">{move || i18n.t(Key::WeightLabel)}</th>
                        <th scope="col">{move || i18n.t(Key::ScaleLabel)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rubric.criteria().iter().map(|c| {
                        let share = u32::from(c.weight().get()) * 100 / total.max(1);
                        view! {
                            <tr>
                                <th scope="row">{c.title().to_owned()}<br /><small>{c.description().to_owned()}</small></th>
                                <td>{format!("{share} %")}</td>
                                <td>{format!("{}–{}", c.scale().min(), c.scale().max())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[component]
fn LotCard(
    lot: LotEvaluation,
    call_id: Uuid,
    scorer: bool,
    declare: ServerAction<DeclareConflicts>,
    slug: String,
) -> impl IntoView {
    let i18n = I18n::expect();
    let heading = format!("lot-{}", lot.lot_id);
    let labelled_by = heading.clone();
    let declared = lot.declared;
    let bids = lot.bids.clone();
    let lot_title = lot.title.clone();
    let recused = lot.recused;
    let form = scorer.then(|| {
        let form = view! { <DeclarationForm lot=lot.clone() call_id declare /> };
        if declared {
            view! {
                <details>
                    <summary>{move || i18n.t(Key::ChangeDeclaration)}</summary>
                    {form}
                </details>
            }
            .into_any()
        } else {
            view! {
                <p>{move || i18n.t(Key::DeclareFirst)}</p>
                {form}
            }
            .into_any()
        }
    });
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{lot.title.clone()}</h2>
            {lot.recused.then(|| view! { <p class="notice" id=format!("recused-{}", lot.lot_id)>{move || i18n.t(Key::RecusedNotice)}</p> })}
            {(declared && !lot.bids.is_empty()).then(move || view! {
                <table class="table">
                    <caption class="visually-hidden">{lot_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::CarrierLabel)}</th>
                            {scorer.then(|| view! { <th scope="col">{move || i18n.t(Key::MySheetLabel)}</th> })}
                            <th scope="col">{move || i18n.t(Key::GroupProgressLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {bids.into_iter().map(|bid| {
                            let read = format!("/{slug}/bids/{}/versions/{}", bid.bid_id, bid.version);
                            let score = format!("/{slug}/bids/{}/score", bid.bid_id);
                            let mine = bid.mine;
                            let progress = format!("{} / {}", bid.finalised, bid.eligible);
                            view! {
                                <tr>
                                    <th scope="row"><A href=read>{bid.organisation_name}</A></th>
                                    {(scorer && !recused).then(|| view! {
                                        <td><A href=score>{move || i18n.t(sheet_status_key(mine))}</A></td>
                                    })}
                                    {(scorer && recused).then(|| view! { <td>"—"</td> })}
                                    <td>{progress}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {form}
        </section>
    }
}

#[component]
fn DeclarationForm(lot: LotEvaluation, call_id: Uuid, declare: ServerAction<DeclareConflicts>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <ActionForm action=declare attr:class="form declaration-form">
            <input type="hidden" name="call" value=call_id.to_string() />
            {lot.bidders.into_iter().map(|bidder| {
                let org = bidder.organisation_id;
                let name = format!("fields[conflict-{org}]");
                let note = format!("fields[note-{org}]");
                let note_id = format!("note-{}-{org}", lot.lot_id);
                if bidder.tied {
                    return view! {
                        <p class="notice">{bidder.organisation_name.clone()}": "{move || i18n.t(Key::TiedNotice)}</p>
                    }
                    .into_any();
                }
                let current = bidder.declared;
                view! {
                    <fieldset class="radio-group">
                        <legend>{bidder.organisation_name.clone()}</legend>
                        {Conflict::ALL.into_iter().map(|conflict| {
                            let id = format!("conflict-{}-{org}-{}", lot.lot_id, conflict.as_str());
                            let label_for = id.clone();
                            view! {
                                <label for=label_for>
                                    <input type="radio" id=id name=name.clone() value=conflict.as_str()
                                        checked=current == Some(conflict) required=true />
                                    {move || i18n.t(conflict_key(conflict))}
                                </label>
                            }
                        }).collect_view()}
                        <label for=note_id.clone()>{move || i18n.t(Key::ConflictNoteLabel)}</label>
                        <input type="text" id=note_id name=note value=bidder.note.clone() maxlength="1000" />
                    </fieldset>
                }
                .into_any()
            }).collect_view()}
            <button type="submit" class="button">{move || i18n.t(Key::SubmitDeclaration)}</button>
        </ActionForm>
    }
}

/// `/{tenant}/bids/{id}/score`: the member's sheet for one bid.
#[component]
pub fn ScorePage() -> impl IntoView {
    let i18n = I18n::expect();
    let id = id_param();
    let save = ServerAction::<SaveScore>::new();
    let finalise = ServerAction::<FinaliseScore>::new();
    let sheet = Resource::new(
        move || (id(), finalise.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => my_score_sheet(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ScoreTitle))) />
        <Protected permission=Permission::ScoreBids>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match sheet.await {
                        Ok(page) => view! { <ScoreSheet mine=page.mine others=page.others save finalise /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(AppError::Internal) => view! { <ErrorNotice /> }.into_any(),
                        Err(err) => view! { <p class="notice">{error_text(i18n.locale(), &err)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn ScoreSheet(
    mine: MyScore,
    others: Option<BidScoresView>,
    save: ServerAction<SaveScore>,
    finalise: ServerAction<FinaliseScore>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let bid_id = mine.bid_id;
    let editable = mine.status != SheetStatus::Final;
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let state = RwSignal::new(autosave::SaveState::Idle);
    let tracker = autosave::Tracker::new(mine.saved_at.unwrap_or_default());
    let key = StoredValue::new(format!("score-{bid_id}"));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(at)) => {
            tracker.saved(at);
            if tracker.all_saved() {
                state.set(autosave::SaveState::Saved(at));
                key.with_value(|key| autosave::forget(key));
            } else {
                state.set(autosave::SaveState::Unsaved);
            }
        }
        Some(Err(err)) => state.set(autosave::SaveState::Failed(err)),
        None => {}
    });
    Effect::new(move |_| {
        if save.pending().get() {
            state.set(autosave::SaveState::Saving);
        }
    });
    Effect::new(move |_| {
        if editable && key.with_value(|key| autosave::restore(key, form_ref, tracker)) {
            state.set(autosave::SaveState::Unsaved);
            tracker.edited();
            autosave::flush(form_ref, save, tracker);
        }
    });
    Effect::new(move |_| {
        if matches!(finalise.value().get(), Some(Ok(_))) {
            key.with_value(|key| autosave::forget(key));
        }
    });
    let on_input = move |_| {
        if editable {
            state.set(autosave::SaveState::Unsaved);
            let edit = tracker.edited();
            key.with_value(|key| autosave::remember(key, form_ref, tracker));
            autosave::schedule(form_ref, save, tracker, edit);
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| autosave::submit(ev, form_ref, save, finalise, tracker);
    let problems = Signal::derive(move || match finalise.value().get() {
        Some(Err(AppError::ScoreSheet { problems })) => problems,
        _ => Vec::new(),
    });
    let finalise_error = Signal::derive(move || {
        finalise.value().get().and_then(Result::err).filter(|e| !matches!(e, AppError::ScoreSheet { .. }))
    });
    let rubric = mine.rubric.clone();
    let titles = StoredValue::new(rubric.criteria().iter().map(|c| c.title().to_owned()).collect::<Vec<_>>());
    let read = format!("/{slug}/bids/{bid_id}/versions/{}", mine.version);
    let back = format!("/{slug}/calls/{}/evaluation", mine.call_id);
    view! {
        <p class="breadcrumb"><A href=back>{move || i18n.t(Key::EvaluationTitle)}</A></p>
        <h1>{mine.organisation_name.clone()}</h1>
        <p class="lead">{mine.lot_title.clone()}</p>
        <p><A href=read>{move || i18n.t(Key::ReadBid)}</A></p>
        <dl class="facts">
            <dt>{move || i18n.t(Key::StatusLabel)}</dt>
            <dd id="sheet-status">{move || i18n.t(sheet_status_key(mine.status))}</dd>
            {mine.weighted.map(|w| view! {
                <dt>{move || i18n.t(Key::WeightedScoreLabel)}</dt>
                <dd id="my-weighted">{move || format_score(w, i18n.locale())}</dd>
            })}
        </dl>
        <autosave::SaveStatus state />
        <div role="alert">
            {move || (!problems.get().is_empty()).then(|| view! {
                <div class="notice notice--error" id="problems">
                    <p>{move || i18n.t(Key::ErrScoreSheetIncomplete)}</p>
                    <ul>
                        {problems.get().into_iter().map(|p| {
                            let title = titles.with_value(|t| t.get(p.criterion).cloned().unwrap_or_default());
                            let anchor = format!("#criterion-{}", p.criterion);
                            view! { <li><a href=anchor>{title}": "{move || i18n.t(sheet_problem_key(p.problem))}</a></li> }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {move || finalise_error.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
        </div>
        <form node_ref=form_ref action="/fn/save_score" method="post" class="form score-form" novalidate
            on:input=on_input on:submit=on_submit>
            <input type="hidden" name="bid" value=bid_id.to_string() />
            <fieldset disabled=!editable>
                <legend class="visually-hidden">{move || i18n.t(Key::ScoreTitle)}</legend>
                {rubric.criteria().iter().enumerate().map(|(index, criterion)| {
                    let chosen = mine.sheet.points.get(index).copied().flatten();
                    let why = mine.sheet.justifications.get(index).cloned().unwrap_or_default();
                    let scale = criterion.scale();
                    let field = format!("fields[points-{index}]");
                    let justification_id = format!("justification-{index}");
                    view! {
                        <fieldset class="criterion radio-group" id=format!("criterion-{index}")>
                            <legend>{criterion.title().to_owned()}</legend>
                            <p class="hint">{criterion.description().to_owned()}</p>
                            {(scale.min()..=scale.max()).map(|points| {
                                let id = format!("points-{index}-{points}");
                                let label_for = id.clone();
                                let anchor = criterion.anchor(points).map(|a| format!(" – {a}")).unwrap_or_default();
                                view! {
                                    <label for=label_for>
                                        <input type="radio" id=id name=field.clone() value=points.to_string()
                                            checked=chosen == Some(points) />
                                        {format!("{points}{anchor}")}
                                    </label>
                                }
                            }).collect_view()}
                            <label for=justification_id.clone()>{move || i18n.t(Key::JustificationLabel)}</label>
                            <textarea id=justification_id name=format!("fields[justification-{index}]") rows="4"
                                maxlength="4000">{why}</textarea>
                        </fieldset>
                    }
                }).collect_view()}
            </fieldset>
            {editable.then(|| view! {
                <div class="form-actions">
                    <button type="submit" name="intent" value="save" class="button button--quiet">
                        {move || i18n.t(Key::SaveDraft)}
                    </button>
                    <button type="submit" name="intent" value="submit" class="button" formaction="/fn/finalise_score">
                        {move || i18n.t(Key::FinaliseScore)}
                    </button>
                </div>
            })}
        </form>
        {others.map(|others| view! { <OthersScores others /> })}
    }
}

#[component]
fn OthersScores(others: BidScoresView) -> impl IntoView {
    let i18n = I18n::expect();
    let titles: Vec<String> = others.rubric.criteria().iter().map(|c| c.title().to_owned()).collect();
    view! {
        <section aria-labelledby="others-heading" id="others-scores">
            <h2 id="others-heading">{move || i18n.t(Key::GroupScoresTitle)}</h2>
            {others.scores.into_iter().map(|score| view! {
                <section class="card">
                    <h3>{score.member_name.clone()}" · "{move || format_score(score.weighted, i18n.locale())}</h3>
                    <dl class="answers">
                        {titles.iter().zip(score.points.iter().zip(score.justifications)).map(|(title, (points, why))| view! {
                            <dt>{title.clone()}": "{*points}</dt>
                            <dd class="answer-text">{why}</dd>
                        }).collect_view()}
                    </dl>
                </section>
            }).collect_view()}
        </section>
    }
}

/// `/{tenant}/calls/{id}/ranking`: per lot the ranking table and the score matrix.
#[component]
pub fn RankingPage() -> impl IntoView {
    let i18n = I18n::expect();
    let id = id_param();
    let query = leptos_router::hooks::use_query_map();
    // The lot shown (`?lot=`, else the first with bids); one that is not an id is not found.
    let lot = move || match query.read().get("lot") {
        Some(text) => Uuid::parse_str(&text).map(Some).map_err(|_| ()),
        None => Ok(None),
    };
    let table = Resource::new(
        move || (id(), lot()),
        |(id, lot)| async move {
            match (id, lot) {
                (Some(id), Ok(lot)) => ranking(id, lot).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::RankingTitle))) />
        <Protected permission=Permission::ReadBids>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match table.await {
                        Ok(view) => view! { <Ranking view /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(err) => view! { <p class="notice">{error_text(i18n.locale(), &err)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn Ranking(view: RankingView) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let call_id = view.call.id;
    let titles: Vec<String> = view.rubric.criteria().iter().map(|c| c.title().to_owned()).collect();
    let ranking = format!("/{slug}/calls/{call_id}/ranking");
    view! {
        <p class="breadcrumb"><A href=format!("/{slug}/calls/{call_id}/evaluation")>{move || i18n.t(Key::EvaluationTitle)}</A></p>
        <h1>{move || i18n.t(Key::RankingTitle)}</h1>
        <p class="lead">{view.call.title.clone()}</p>
        <p class="hint">{move || i18n.t(Key::RankingRule)}</p>
        <ul class="downloads">
            <li><a href=format!("{ranking}.csv") download>{move || i18n.t(Key::DownloadCsv)}</a></li>
            <li><a href=format!("{ranking}.xlsx") download>{move || i18n.t(Key::DownloadXlsx)}</a></li>
            <li><A href=format!("/{slug}/calls/{call_id}/decision-proposal")>{move || i18n.t(Key::ProposalLinkHtml)}</A></li>
            <li><a href=format!("/{slug}/calls/{call_id}/decision-proposal.pdf") download>{move || i18n.t(Key::ProposalLinkPdf)}</a></li>
        </ul>
        <crate::components::LotNav choices=view.choices.clone() shown=view.lots.first().map(|lot| lot.lot_id) />
        {view.lots.into_iter().filter(|lot| lot.hidden.is_some() || !lot.lines.is_empty()).map(|lot| {
            let lot_id = lot.lot_id;
            let lines = lot.lines.clone();
            let hidden = lot.hidden.is_some();
            let recommendation = lot.recommendation.clone();
            let decisions = lot.decisions.clone();
            let ranking = ranking.clone();
            view! {
                <LotRankingCard lot titles=titles.clone() />
                {(!hidden).then(|| view! {
                    <Outcome ranking lot_id lines recommendation decisions scorer=view.scorer decides=view.decides />
                })}
            }
        }).collect_view()}
    }
}

#[component]
fn LotRankingCard(lot: LotRanking, titles: Vec<String>) -> impl IntoView {
    let i18n = I18n::expect();
    let heading = format!("ranking-{}", lot.lot_id);
    let labelled_by = heading.clone();
    let body = match lot.hidden {
        Some(reason) => {
            let key = match reason {
                RankingHidden::Undeclared => Key::ErrDeclarationsMissing,
                RankingHidden::Recused => Key::RecusedNotice,
                RankingHidden::OwnScoresOpen => Key::RankingAfterOwnScores,
            };
            view! { <p class="notice">{move || i18n.t(key)}</p> }.into_any()
        }
        None => {
            let names: Vec<(Uuid, String)> =
                lot.lines.iter().map(|l| (l.line.bid_id, l.organisation_name.clone())).collect();
            let name_of =
                move |bid: Uuid| names.iter().find(|(id, _)| *id == bid).map(|(_, n)| n.clone()).unwrap_or_default();
            view! {
                <table class="table ranking-table">
                    <caption>{move || i18n.t(Key::RankingTableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::RankLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::CarrierLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::WeightedScoreLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::ScoresCountLabel)}</th>
                            {titles.iter().map(|t| view! { <th scope="col">{t.clone()}</th> }).collect_view()}
                            <th scope="col">{move || i18n.t(Key::FlagsLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {lot.lines.iter().map(|l| {
                            let line = &l.line;
                            let flags = line.flags;
                            view! {
                                <tr>
                                    <td>{line.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into())}</td>
                                    <th scope="row">{l.organisation_name.clone()}</th>
                                    <td>{line.weighted.map(|w| format_score(w, i18n.locale())).unwrap_or_else(|| "—".into())}</td>
                                    <td>{format!("{} / {}", line.scores, line.eligible)}</td>
                                    {line.criteria.iter().map(|c| view! {
                                        <td>{c.as_ref().map(|c| format!("{} ({}–{}, σ {})", format_score(c.mean, i18n.locale()), c.min, c.max, format_score(c.std_dev, i18n.locale()))).unwrap_or_else(|| "—".into())}</td>
                                    }).collect_view()}
                                    <td>
                                        {flags.missing_scores.then(|| view! { <span class="tag">{move || i18n.t(Key::FlagMissing)}</span>" " })}
                                        {flags.disagreement.then(|| view! { <span class="tag">{move || i18n.t(Key::FlagDisagreement)}</span>" " })}
                                        {flags.tie.then(|| view! { <span class="tag">{move || i18n.t(Key::FlagTie)}</span> })}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <table class="table score-matrix">
                    <caption>{move || i18n.t(Key::ScoreMatrixCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::CarrierLabel)}</th>
                            <th scope="col">{move || i18n.t(Key::MemberLabel)}</th>
                            {titles.iter().map(|t| view! { <th scope="col">{t.clone()}</th> }).collect_view()}
                            <th scope="col">{move || i18n.t(Key::WeightedScoreLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {lot.matrix.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{name_of(row.bid_id)}</th>
                                <td>{row.member_name.clone()}</td>
                                {row.points.iter().map(|p| view! { <td>{*p}</td> }).collect_view()}
                                <td>{format_score(row.weighted, i18n.locale())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{lot.title.clone()}</h2>
            {body}
        </section>
    }
}

/// The member's open evaluation work, for the home page; nothing for anyone who does not score.
#[component]
pub fn EvaluationTasks() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let tasks = Resource::new(|| (), |_| evaluation_tasks());
    view! {
        <Transition fallback=|| ()>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    let tasks: Vec<EvaluationTask> = tasks.await.unwrap_or_default();
                    (!tasks.is_empty()).then(|| view! {
                        <section class="card" aria-labelledby="tasks-heading" id="evaluation-tasks">
                            <h2 id="tasks-heading">{move || i18n.t(Key::EvaluationTasksTitle)}</h2>
                            <ul>
                                {tasks.into_iter().map(|task| {
                                    // The administration decides on the ranking page; members work on the evaluation.
                                    let page = if task.undecided_bids > 0 { "ranking" } else { "evaluation" };
                                    let href = format!("/{slug}/calls/{}/{page}", task.call.id);
                                    view! {
                                        <li>
                                            <A href=href>{task.call.title.clone()}</A>
                                            {(task.undeclared_lots > 0).then(|| view! {
                                                " · "{move || msg::task_undeclared_lots(i18n.locale(), msg::TaskUndeclaredLots { count: task.undeclared_lots as i64 })}
                                            })}
                                            {(task.open_sheets > 0).then(|| view! {
                                                " · "{move || msg::task_open_sheets(i18n.locale(), msg::TaskOpenSheets { count: task.open_sheets as i64 })}
                                            })}
                                            " · "{move || i18n.t(Key::TaskGroupProgress)}" "
                                            {format!("{} / {}", task.group_finalised, task.group_due)}
                                            {(task.undecided_bids > 0).then(|| view! {
                                                " · "{move || msg::task_undecided_bids(i18n.locale(), msg::TaskUndecidedBids { count: task.undecided_bids as i64 })}
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    })
                })
            }}
        </Transition>
    }
}

/// A lot's recommendation and the committee's decisions, with links to record them for who may. Each form is
/// a page of its own ([`RecommendationPage`], [`DecisionPage`]), so the ranking only shows things and is
/// served static (`render_mode`): it is read far more often than a recommendation is recorded.
#[component]
fn Outcome(
    ranking: String,
    lot_id: Uuid,
    lines: Vec<RankingLine>,
    recommendation: Option<RecommendationView>,
    decisions: Vec<DecisionView>,
    scorer: bool,
    decides: bool,
) -> impl IntoView {
    let i18n = I18n::expect();
    let undecided: Vec<RankingLine> =
        lines.iter().filter(|l| !decisions.iter().any(|d| d.bid_id == l.line.bid_id)).cloned().collect();
    view! {
        <section class="card" aria-labelledby=format!("outcome-{lot_id}")>
            <h3 id=format!("outcome-{lot_id}")>{move || i18n.t(Key::RecommendationTitle)}</h3>
            {match recommendation {
                Some(r) => view! { <RecommendationFacts recommendation=r /> }.into_any(),
                None => view! { <p>{move || i18n.t(Key::NoRecommendationYet)}</p> }.into_any(),
            }}
            {scorer.then(|| view! {
                <p>
                    <A href=format!("{ranking}/recommendation?lot={lot_id}") attr:class="button">
                        {move || i18n.t(Key::RecordRecommendation)}
                    </A>
                </p>
            })}
            <h3>{move || i18n.t(Key::DecisionsTitle)}</h3>
            {if decisions.is_empty() {
                view! { <p>{move || i18n.t(Key::NoDecisionYet)}</p> }.into_any()
            } else {
                view! {
                    <ul class="decisions">
                        {decisions.iter().map(|d| {
                            let key = if d.awarded { Key::Awarded } else { Key::NotAwarded };
                            let date = d.session_date;
                            view! {
                                <li>
                                    <strong>{d.organisation_name.clone()}</strong>": "{move || i18n.t(key)}
                                    " · "{d.resolution_number.clone()}" · "{move || model::datetime::format_day(date, i18n.locale())}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(decides && !undecided.is_empty()).then(|| view! {
                <ul class="record-links">
                    {undecided.into_iter().map(|l| view! {
                        <li>
                            <A href=format!("{ranking}/decision?lot={lot_id}&bid={}", l.line.bid_id)>
                                {move || i18n.t(Key::RecordDecision)}": "{l.organisation_name.clone()}
                            </A>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn RecommendationFacts(recommendation: RecommendationView) -> impl IntoView {
    let i18n = I18n::expect();
    let r = recommendation;
    view! {
        <dl class="facts recommendation">
            <dt>{move || i18n.t(Key::ProposedCarrier)}</dt>
            <dd>{r.organisation_name.clone().unwrap_or_else(|| i18n.t(Key::NoAwardProposed).to_owned())}</dd>
            {r.amounts.iter().map(|a| {
                let amount = a.amount;
                view! { <dt>{a.year}</dt><dd>{move || amount.format(i18n.locale())}</dd> }
            }).collect_view()}
            <dt>{move || i18n.t(Key::FteLabel)}</dt>
            <dd>{r.fte.format(i18n.locale())}</dd>
            <dt>{move || i18n.t(Key::ReasoningLabel)}</dt>
            <dd class="answer-text">{r.reasoning.clone()}</dd>
            <dt>{move || i18n.t(Key::RecordedBy)}</dt>
            <dd>{r.recorded_by.clone()}", "{move || format_date_time(r.recorded_at, i18n.locale(), DEFAULT_TIME_ZONE)}</dd>
        </dl>
    }
}

/// An id from the query (`?lot=`, `?bid=`); one that is missing or not an id is not found.
fn query_id(name: &'static str) -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let query = leptos_router::hooks::use_query_map();
    move || query.read().get(name).and_then(|id| Uuid::parse_str(&id).ok())
}

/// The lot of a recording page from the ranking of its call (`?lot=`), with what the ranking says of it; only
/// for holders of the page's `permission`, which is narrower than the ranking's (a refused page carries none
/// of it).
fn ranking_of_lot(
    id: impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static,
    lot: impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static,
    permission: Permission,
) -> Resource<Result<RankingView, AppError>> {
    let CurrentUser(me) = expect_context::<CurrentUser>();
    Resource::new(
        move || (id(), lot()),
        move |(id, lot)| async move {
            let roles = me.await.ok().flatten().map(|me| me.roles).unwrap_or_default();
            if !model::policy::allows(&roles, permission) {
                return Err(AppError::Forbidden);
            }
            match (id, lot) {
                (Some(id), Some(lot)) => ranking(id, Some(lot)).await,
                _ => Err(AppError::NotFound),
            }
        },
    )
}

/// Back to the lot's ranking once `done` (the form's action succeeded), where the new recommendation or
/// decision shows.
fn back_to_ranking_once(done: Signal<bool>, ranking: impl Fn() -> String + 'static) {
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if done.get() {
            navigate(&ranking(), Default::default());
        }
    });
}

/// The frame of a page that records on one lot of a ranking (`?lot=`): the lot's ranking for holders of
/// `permission`, the way back to it (also once `done`), and why the caller cannot record here when the
/// ranking says so (`may`); otherwise `form` draws the form.
#[component]
fn RecordingPage(
    permission: Permission,
    title: Key,
    may: fn(&RankingView) -> bool,
    done: Signal<bool>,
    form: Callback<(RankingView, LotRanking), AnyView>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let id = id_param();
    let lot = query_id("lot");
    let table = ranking_of_lot(id, lot, permission);
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let ranking = move || format!("/{slug}/calls/{}/ranking?lot={}", id().unwrap_or_default(), lot().unwrap_or_default());
    back_to_ranking_once(done, ranking.clone());
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(title))) />
        <Protected permission=permission>
            <p class="breadcrumb"><A href=ranking.clone()>{move || i18n.t(Key::RankingTitle)}</A></p>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match table.await.map(|view| recording_lot(view, lot())) {
                        Ok(Ok((view, lot))) if may(&view) => form.run((view, lot)),
                        Ok(Ok(_)) => view! { <p class="notice notice--error">{move || i18n.t(Key::ForbiddenText)}</p> }.into_any(),
                        Ok(Err(Some(key))) => view! { <p class="notice">{move || i18n.t(key)}</p> }.into_any(),
                        Ok(Err(None)) | Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(err) => view! { <p class="notice">{error_text(i18n.locale(), &err)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

/// `/{tenant}/calls/{id}/ranking/recommendation?lot=`: a scoring member records the group's recommendation
/// for a lot (the server refuses it before the quorum of final sheets).
#[component]
pub fn RecommendationPage() -> impl IntoView {
    let recommend = ServerAction::<Recommend>::new();
    let done = Signal::derive(move || recommend.value().with(|value| matches!(value, Some(Ok(_)))));
    let form = Callback::new(move |(view, lot): (RankingView, LotRanking)| {
        let years = model::bid::budget_years(view.call.decision_date);
        view! { <RecommendationForm call_id=view.call.id lot years recommend /> }.into_any()
    });
    let may: fn(&RankingView) -> bool = |view| view.scorer;
    view! { <RecordingPage permission=Permission::ScoreBids title=Key::RecordRecommendation may done form /> }
}

/// The lot `lot` of a ranking, or why it cannot be recorded on: its ranking is hidden from the caller (the
/// reason), or it is not there (`None`).
fn recording_lot(view: RankingView, lot: Option<Uuid>) -> Result<(RankingView, LotRanking), Option<Key>> {
    let lot = view.lots.iter().find(|l| Some(l.lot_id) == lot).cloned().ok_or(None)?;
    match lot.hidden {
        Some(RankingHidden::Undeclared) => Err(Some(Key::ErrDeclarationsMissing)),
        Some(RankingHidden::Recused) => Err(Some(Key::RecusedNotice)),
        Some(RankingHidden::OwnScoresOpen) => Err(Some(Key::RankingAfterOwnScores)),
        None => Ok((view, lot)),
    }
}

#[component]
fn RecommendationForm(call_id: Uuid, lot: LotRanking, years: Vec<i32>, recommend: ServerAction<Recommend>) -> impl IntoView {
    let i18n = I18n::expect();
    let lot_id = lot.lot_id;
    view! {
        <h1>{move || i18n.t(Key::RecordRecommendation)}": "{lot.title.clone()}</h1>
        {lot.recommendation.map(|recommendation| view! { <RecommendationFacts recommendation /> })}
        <div role="alert">
            {move || recommend.value().get().and_then(Result::err).map(|e| view! {
                <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p>
            })}
        </div>
        <ActionForm action=recommend attr:class="form" attr:id="recommendation-form">
            <input type="hidden" name="call" value=call_id.to_string() />
            <input type="hidden" name="lot" value=lot_id.to_string() />
            <label for="rec-bid">{move || i18n.t(Key::ProposedCarrier)}</label>
            <select id="rec-bid" name="bid">
                {lot.lines.iter().map(|l| view! {
                    <option value=l.line.bid_id.to_string()>{l.organisation_name.clone()}</option>
                }).collect_view()}
                <option value="none">{move || i18n.t(Key::NoAwardProposed)}</option>
            </select>
            <AmountInputs prefix="fields" id_base="rec".to_owned() years />
            <label for="rec-fte">{move || i18n.t(Key::FteLabel)}</label>
            <input type="text" id="rec-fte" name="fte" value="0.5" />
            <label for="rec-why">{move || i18n.t(Key::ReasoningLabel)}</label>
            <textarea id="rec-why" name="reasoning" rows="4" maxlength="4000" required=true></textarea>
            <button type="submit" class="button">{move || i18n.t(Key::RecordRecommendation)}</button>
        </ActionForm>
    }
}

/// `/{tenant}/calls/{id}/ranking/decision?lot=&bid=`: the administration records the youth welfare
/// committee's decision on one bid; an award creates the post or the steering contract.
#[component]
pub fn DecisionPage() -> impl IntoView {
    let bid = query_id("bid");
    let decide = ServerAction::<Decide>::new();
    let done = Signal::derive(move || decide.value().with(|value| matches!(value, Some(Ok(_)))));
    let form = Callback::new(move |(view, lot): (RankingView, LotRanking)| {
        let i18n = I18n::expect();
        let years = model::bid::budget_years(view.call.decision_date);
        let line = lot.lines.iter().find(|l| Some(l.line.bid_id) == bid()).cloned();
        let decision = lot.decisions.iter().find(|d| Some(d.bid_id) == bid()).cloned();
        match (line, decision) {
            (Some(_), Some(decision)) => {
                let key = if decision.awarded { Key::Awarded } else { Key::NotAwarded };
                view! {
                    <h1>{move || i18n.t(Key::RecordDecision)}": "{decision.organisation_name.clone()}</h1>
                    <p class="notice">{move || i18n.t(key)}" · "{decision.resolution_number.clone()}</p>
                }
                .into_any()
            }
            (Some(line), None) => view! { <DecisionForm line years decide /> }.into_any(),
            (None, _) => view! { <NotFound /> }.into_any(),
        }
    });
    let may: fn(&RankingView) -> bool = |view| view.decides;
    view! { <RecordingPage permission=Permission::ManageCalls title=Key::RecordDecision may done form /> }
}

#[component]
fn DecisionForm(line: RankingLine, years: Vec<i32>, decide: ServerAction<Decide>) -> impl IntoView {
    let i18n = I18n::expect();
    let bid = line.line.bid_id;
    let base = "decide";
    view! {
        <h1>{move || i18n.t(Key::RecordDecision)}": "{line.organisation_name.clone()}</h1>
        <div role="alert">
            {move || decide.value().get().and_then(Result::err).map(|e| view! {
                <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p>
            })}
        </div>
        <ActionForm action=decide attr:class="form" attr:id="decision-form">
            <input type="hidden" name="bid" value=bid.to_string() />
            <label for=format!("{base}-date")>{move || i18n.t(Key::SessionDate)}</label>
            <input type="date" id=format!("{base}-date") name="form[session_date]" required=true />
            <label for=format!("{base}-number")>{move || i18n.t(Key::ResolutionNumber)}</label>
            <input type="text" id=format!("{base}-number") name="form[resolution_number]" required=true maxlength="64" />
            <fieldset class="radio-group">
                <legend>{move || i18n.t(Key::DecisionLabel)}</legend>
                <label for=format!("{base}-yes")>
                    <input type="radio" id=format!("{base}-yes") name="form[awarded]" value="yes" required=true />
                    {move || i18n.t(Key::Awarded)}
                </label>
                <label for=format!("{base}-no")>
                    <input type="radio" id=format!("{base}-no") name="form[awarded]" value="no" />
                    {move || i18n.t(Key::NotAwarded)}
                </label>
            </fieldset>
            <AmountInputs prefix="form" id_base=base.to_owned() years />
            <label for=format!("{base}-start")>{move || i18n.t(Key::StartsOnLabel)}</label>
            <input type="date" id=format!("{base}-start") name="form[starts_on]" />
            <label for=format!("{base}-end")>{move || i18n.t(Key::EndsOnLabel)}</label>
            <input type="date" id=format!("{base}-end") name="form[ends_on]" />
            <label for=format!("{base}-fte")>{move || i18n.t(Key::FteLabel)}</label>
            <input type="text" id=format!("{base}-fte") name="form[fte]" placeholder="0.5" />
            <label for=format!("{base}-conditions")>{move || i18n.t(Key::ConditionsLabel)}</label>
            <textarea id=format!("{base}-conditions") name="form[conditions]" rows="3" maxlength="4000"></textarea>
            <button type="submit" class="button">{move || i18n.t(Key::RecordDecision)}</button>
        </ActionForm>
    }
}

/// One amount field per budget year, named `<prefix>[amount-<year>]`.
#[component]
fn AmountInputs(prefix: &'static str, id_base: String, years: Vec<i32>) -> impl IntoView {
    let i18n = I18n::expect();
    years
        .into_iter()
        .map(|year| {
            let id = format!("{id_base}-amount-{year}");
            let label_for = id.clone();
            view! {
                <label for=label_for>{move || i18n.t(Key::FundingForYear)}" "{year}</label>
                <input type="text" inputmode="decimal" id=id name=format!("{prefix}[amount-{year}]") />
            }
        })
        .collect_view()
}

/// `/{tenant}/posts`: the funded coordination posts and the steering contract.
#[component]
pub fn PostsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let schedule = ServerAction::<crate::reports::SetPostSchedule>::new();
    let list = Resource::new(move || schedule.version().get(), |_| crate::awards::posts());
    let CurrentUser(me) = expect_context::<CurrentUser>();
    let failed = Signal::derive(move || schedule.value().get().and_then(Result::err));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::PostsTitle))) />
        <Protected permission=Permission::ReadLedger>
            <h1>{move || i18n.t(Key::PostsTitle)}</h1>
            <div role="alert">
                {move || failed.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
            </div>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    // Only the administration changes schedules: nobody else sees the form.
                    let may_schedule = me.await.ok().flatten().is_some_and(|me| model::policy::allows(&me.roles, Permission::ManageCalls));
                    match list.await {
                        Ok(posts) if posts.is_empty() => view! { <p>{move || i18n.t(Key::PostsEmpty)}</p> }.into_any(),
                        Ok(posts) => view! { <PostsTable posts may_schedule schedule /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}

fn cadence_key(cadence: model::report::Cadence) -> Key {
    use model::report::Cadence;
    match cadence {
        Cadence::Monthly => Key::CadenceMonthly,
        Cadence::Quarterly => Key::CadenceQuarterly,
        Cadence::HalfYearly => Key::CadenceHalfYearly,
        Cadence::Yearly => Key::CadenceYearly,
    }
}

/// A post's reporting schedule in words; for the administration, with a form to change it.
#[component]
fn ScheduleCell(
    post: uuid::Uuid,
    plan: model::report::Schedule,
    may_schedule: bool,
    schedule: ServerAction<crate::reports::SetPostSchedule>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let cadence = plan.cadence;
    let final_report = plan.final_report;
    let extra: Vec<String> = plan.extra.iter().map(|d| d.to_string()).collect();
    let shown_extra = plan.extra.clone();
    let field = move |name: &str| format!("schedule-{name}-{post}");
    view! {
        {move || i18n.t(cadence_key(cadence))}
        {final_report.then(|| view! { ", " {move || i18n.t(Key::ReportFinal)} })}
        {(!shown_extra.is_empty()).then(|| view! {
            ", " {move || i18n.t(Key::ScheduleExtra)} ": "
            {move || shown_extra.iter().map(|d| model::datetime::format_day(*d, i18n.locale())).collect::<Vec<_>>().join(", ")}
        })}
        {may_schedule.then(|| view! {
            <details>
                <summary>{move || i18n.t(Key::ScheduleChange)}</summary>
                <ActionForm action=schedule attr:class="form">
                    <input type="hidden" name="post" value=post.to_string() />
                    <div class="field">
                        <label for=field("cadence")>{move || i18n.t(Key::ScheduleLabel)}</label>
                        <select id=field("cadence") name="cadence">
                            {model::report::Cadence::ALL.into_iter().map(|c| view! {
                                <option value=c.as_str() selected=c == cadence>{move || i18n.t(cadence_key(c))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <label class="checkbox">
                        <input type="checkbox" name="final_report" value="on" checked=final_report />
                        {move || i18n.t(Key::ReportFinal)}
                    </label>
                    <div class="field">
                        <label for=field("extra")>{move || i18n.t(Key::ScheduleExtraField)}</label>
                        <input id=field("extra") name="extra" value=extra.join(", ") placeholder="2027-03-15" />
                    </div>
                    <button type="submit" class="button button--small">{move || i18n.t(Key::ScheduleSave)}</button>
                </ActionForm>
            </details>
        })}
    }
}

#[component]
fn PostsTable(
    posts: Vec<model::award::PostView>,
    may_schedule: bool,
    schedule: ServerAction<crate::reports::SetPostSchedule>,
) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <table class="table" id="posts">
            <caption class="visually-hidden">{move || i18n.t(Key::PostsTitle)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Key::DistrictLabel)}</th>
                    <th scope="col">{move || i18n.t(Key::CarrierLabel)}</th>
                    <th scope="col">{move || i18n.t(Key::FteLabel)}</th>
                    <th scope="col">{move || i18n.t(Key::PeriodLabel)}</th>
                    <th scope="col">{move || i18n.t(Key::FundingLabel)}</th>
                    <th scope="col">{move || i18n.t(Key::ResolutionNumber)}</th>
                    <th scope="col">{move || i18n.t(Key::ScheduleLabel)}</th>
                </tr>
            </thead>
            <tbody>
                {posts.into_iter().map(|post| {
                    let place = post.district_name.clone();
                    let (starts, ends) = (post.starts_on, post.ends_on);
                    let total = post.total;
                    let funding = post.funding.clone();
                    view! {
                        <tr>
                            <th scope="row">{move || place.clone().unwrap_or_else(|| i18n.t(Key::SteeringContract).to_owned())}</th>
                            <td>{post.organisation_name.clone()}</td>
                            <td>{post.fte.format(i18n.locale())}</td>
                            <td>{move || format!("{} – {}", model::datetime::format_day(starts, i18n.locale()),
                                ends.map(|e| model::datetime::format_day(e, i18n.locale())).unwrap_or_default())}</td>
                            <td>
                                {move || funding.iter().map(|a| format!("{}: {}", a.year, a.amount.format(i18n.locale()))).collect::<Vec<_>>().join(", ")}
                                " (Σ "{move || total.format(i18n.locale())}")"
                            </td>
                            <td>{post.resolution_number.clone()}</td>
                            <td>{post.schedule.clone().map(|plan| view! { <ScheduleCell post=post.id plan may_schedule schedule /> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
