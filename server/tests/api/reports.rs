//! Reports of the coordination posts in the store (issue 13, first part): the demo's posts owe quarterly
//! reports from their start; a report is drafted, submitted late, returned with a comment, resubmitted as a
//! second version and accepted, each step as `model::report::step` allows it.

use crate::support::TestApp;
use app::store::{TenantScope, reports};
use chrono::{NaiveDate, TimeZone, Utc};
use model::entity::user;
use model::policy::Who;
use model::report::{self, Content, ReportFacts, ReportState, Section, Step, StepRefusal};
use model::{Role, Seat};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

#[tokio::test]
async fn a_posts_report_goes_from_draft_to_accepted_through_a_return() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let scope = TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let coordinator = user::Entity::find()
        .filter(user::Column::Email.eq("koordination1@dresden.demo"))
        .one(&db)
        .await
        .expect("query")
        .expect("the demo coordinator")
        .id;
    let posts = reports::posts(&db, &scope).await.expect("posts");
    assert!(posts.len() >= 3, "the 2019 posts of Stadtraum 1-3");
    let first = posts[0].clone();
    assert_eq!(first.starts_on, NaiveDate::from_ymd_opt(2019, 2, 1).expect("date"));
    reports::assign(&db, &scope, first.id, coordinator, Utc::now()).await.expect("assign");
    reports::assign(&db, &scope, first.id, coordinator, Utc::now()).await.expect("assigning twice changes nothing");
    let post = reports::post(&db, &scope, first.id).await.expect("post");
    assert_eq!(post.coordinators, vec![coordinator]);

    // Quarterly from February 2019, due 15 days after each quarter in Berlin.
    let (deadline, zone) = reports::deadline(&db, &scope).await.expect("deadline");
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
    let periods = report::periods(&post.schedule, post.starts_on, post.ends_on, deadline, zone, today);
    let period = periods[0];
    assert_eq!(
        (period.starts_on, period.ends_on),
        (post.starts_on, NaiveDate::from_ymd_opt(2019, 3, 31).expect("date"))
    );
    assert_eq!(period.due_at, Utc.with_ymd_and_hms(2019, 4, 15, 22, 0, 0).single().expect("instant"));

    let roles = [Role::Coordinator];
    let me = Who { user_id: coordinator, roles: &roles };
    let steering_roles = [Role::Steering { seat: Seat::Committee }];
    let member = Who { user_id: uuid::Uuid::new_v4(), roles: &steering_roles };
    let facts = |state, ever_submitted| ReportFacts {
        organisation_id: post.organisation_id,
        coordinators: &post.coordinators,
        contact_of_district: false,
        state,
        ever_submitted,
    };

    let mut content = Content::default();
    *content.section_mut(Section::Cooperation) = "Stadtteilrunde Prohlis gegründet.".into();
    let state = report::step(me, &facts(None, false), Step::SaveDraft, 0).expect("a coordinator starts the report");
    let at = Utc.with_ymd_and_hms(2019, 4, 10, 9, 0, 0).single().expect("instant");
    let row = reports::save(&db, &scope, post.id, &period, &content, state, coordinator, at).await.expect("save");
    assert_eq!(reports::state_of(&row).expect("state"), ReportState::Draft);
    assert_eq!(content.check_submission(), Err(report::ContentProblem::SectionEmpty(Section::Access)));
    for section in Section::ALL {
        if content.section(section).is_empty() {
            *content.section_mut(section) = format!("Zu {}.", section.letter());
        }
    }
    content.check_submission().expect("complete");
    let row = reports::save(&db, &scope, post.id, &period, &content, state, coordinator, at).await.expect("save");

    // Submitted one second after the due instant: late.
    let late = period.due_at + chrono::Duration::seconds(1);
    report::step(me, &facts(Some(ReportState::Draft), false), Step::Submit, 0).expect("submit");
    let row = db
        .transaction::<_, _, app::AppError>(|txn| {
            let (scope, row) = (scope.clone(), row.clone());
            Box::pin(async move { reports::submit(txn, &scope, row, &period, coordinator, late).await })
        })
        .await
        .expect("submitted");
    assert!(row.late && row.first_submitted_at == Some(late));

    // Returned with a comment on section b.
    assert_eq!(
        report::step(member, &facts(Some(ReportState::Submitted), true), Step::Return, 0),
        Err(StepRefusal::CommentMissing)
    );
    let returned = report::step(member, &facts(Some(ReportState::Submitted), true), Step::Return, 1).expect("return");
    let comment = (Some(Section::Access), "Bitte die Sprechstunde im Stadtteilhaus beschreiben.".to_owned());
    let row = reports::review(&db, &scope, row, returned, &[comment], member.user_id, late).await.expect("review");
    assert_eq!(reports::state_of(&row).expect("state"), ReportState::Returned);

    // Revised and resubmitted: a second version, still late from the first submission.
    let mut revised = content.clone();
    *revised.section_mut(Section::Access) = "Offene Sprechstunde mittwochs im Stadtteilhaus.".into();
    let state = report::step(me, &facts(Some(ReportState::Returned), true), Step::SaveDraft, 0).expect("revise");
    let row = reports::save(&db, &scope, post.id, &period, &revised, state, coordinator, late).await.expect("save");
    let row = reports::submit(&db, &scope, row, &period, coordinator, late).await.expect("resubmit");
    let versions = reports::versions(&db, &scope, row.id).await.expect("versions");
    assert_eq!(versions.iter().map(|v| v.number).collect::<Vec<_>>(), vec![1, 2]);
    let first_version = reports::content_of(&versions[0].content, row.id).expect("content");
    let second_version = reports::content_of(&versions[1].content, row.id).expect("content");
    assert_eq!(second_version.changes_since(&first_version).sections, vec![Section::Access]);
    assert!(row.late, "lateness is decided by the first submission");

    let accepted = report::step(member, &facts(Some(ReportState::Submitted), true), Step::Accept, 0).expect("accept");
    let row = reports::review(&db, &scope, row, accepted, &[], member.user_id, late).await.expect("accept");
    assert_eq!(reports::state_of(&row).expect("state"), ReportState::Accepted);
    let comments = reports::comments(&db, &scope, row.id).await.expect("comments");
    assert_eq!(comments.len(), 1);
    assert_eq!((comments[0].version_number, comments[0].section.as_deref()), (1, Some("access")));

    // Another tenant finds none of it.
    let other = TenantScope::resolve(&db, "musterstadt").await.expect("musterstadt");
    assert!(matches!(reports::post(&db, &other, post.id).await, Err(app::AppError::NotFound)));
    assert!(matches!(reports::report(&db, &other, row.id).await, Err(app::AppError::NotFound)));
    assert!(reports::versions(&db, &other, row.id).await.expect("versions").is_empty());
}
