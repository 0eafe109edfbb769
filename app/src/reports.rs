//! Reports of the coordination posts (SPEC §3D; seed §5, §6; issue 13): coordinators write and submit them
//! against the work order, the steering group and the administration accept or return them, and the post's
//! carrier and its district's contacts read what was submitted.
//!
//! As in `app::awards`, the operations live in [`ops`], take an [`crate::actor::Actor`] and are shared by the
//! server functions and the REST API. Each loads the facts once ([`ops`]' `Loaded`) and asks
//! `model::report` — visibility (`report_access`) and steps (`step`) are decided there, never here.
// The form's server functions take its fields as arguments, one per input, as Leptos' plain forms send them.
#![allow(clippy::too_many_arguments)]

#[cfg(feature = "ssr")]
pub mod ops {
    use crate::AppError;
    use crate::actor::Actor;
    use crate::store::reports::{self as store, Post, ReportHead};
    use chrono::{DateTime, NaiveDate, Utc};
    use model::Permission;
    use model::entity::report;
    use model::policy::Who;
    use model::report::{
        CommentView, Content, ContentProblem, MAX_COMMENT_CHARS, Period, ReportAccess, ReportFacts, ReportState,
        PeriodKind, ReportSummary, ReportView, ReviewInput, StartInput, Step, StepRefusal, Verdict, VersionView, periods,
        report_access, step,
    };
    use model::file::{FileRef, MAX_FILES, Owner};
    use model::report::compliance::ComplianceView;
    use model::report::totals::{FigureInput, FiguresView};
    use model::report::ReportListing;
    use sea_orm::{ConnectionTrait, TransactionTrait};
    use std::collections::{HashMap, HashSet};
    use uuid::Uuid;

    /// What a list of reports may be narrowed to.
    #[derive(Debug, Clone, Default)]
    pub struct Filter {
        pub post: Option<Uuid>,
        /// A calendar quarter, `2026-Q3`: reports whose period starts in it.
        pub quarter: Option<String>,
        /// `not_started`, `draft`, `submitted`, `returned` or `accepted`.
        pub state: Option<String>,
        /// A calendar year: reports whose period starts in it (the controlling dashboard's).
        pub year: Option<i32>,
    }

    /// The first and last day a listed period may start on, from the filter's quarter or else its year: the
    /// database reads only the reports of that window.
    fn window(quarter: Option<(i32, u32)>, year: Option<i32>) -> Result<Option<(NaiveDate, NaiveDate)>, AppError> {
        let (year, first_month, last_month) = match (quarter, year) {
            (Some((year, quarter)), _) => (year, quarter * 3 - 2, quarter * 3),
            (None, Some(year)) => (year, 1, 12),
            (None, None) => return Ok(None),
        };
        let malformed = || AppError::invalid("year", crate::InvalidReason::Malformed);
        let first = NaiveDate::from_ymd_opt(year, first_month, 1).ok_or_else(malformed)?;
        let after = if last_month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, last_month + 1, 1)
        };
        let last = after.and_then(|d| d.pred_opt()).ok_or_else(malformed)?;
        Ok(Some((first, last)))
    }

    fn quarter_of(text: &str) -> Result<(i32, u32), AppError> {
        let malformed = || AppError::invalid("quarter", crate::InvalidReason::Malformed);
        let (year, quarter) = text.split_once("-Q").ok_or_else(malformed)?;
        let year: i32 = year.parse().map_err(|_| malformed())?;
        let quarter: u32 = quarter.parse().map_err(|_| malformed())?;
        if !(1..=4).contains(&quarter) || !(2000..=2200).contains(&year) {
            return Err(malformed());
        }
        Ok((year, quarter))
    }

    /// `None` stands for "not started" (or, for a reader, not submitted).
    fn state_filter(text: &str) -> Result<Option<ReportState>, AppError> {
        if text == "not_started" {
            return Ok(None);
        }
        ReportState::parse(text).map(Some).ok_or_else(|| AppError::invalid("state", crate::InvalidReason::Malformed))
    }

    fn content_error(problem: ContentProblem) -> AppError {
        use crate::InvalidReason::{Malformed, Required, TooLong};
        match problem {
            ContentProblem::SectionTooLong(section) => AppError::invalid(section.as_str(), TooLong),
            ContentProblem::SectionEmpty(section) => AppError::invalid(section.as_str(), Required),
            ContentProblem::TooManyPartners => AppError::invalid("partners", TooLong),
            ContentProblem::BadPartner => AppError::invalid("partners", Malformed),
            ContentProblem::BadHours => AppError::invalid("hours_worked", Malformed),
            ContentProblem::BadMoney => AppError::invalid("money_spent", Malformed),
        }
    }

    fn step_error(refusal: StepRefusal) -> AppError {
        match refusal {
            StepRefusal::NotAllowed => AppError::Forbidden,
            StepRefusal::WrongState => AppError::ReportLocked,
            StepRefusal::CommentMissing => AppError::invalid("comments", crate::InvalidReason::Required),
        }
    }

    /// Everything the rules and the views need, read once per request within the tenant's scope.
    struct Loaded {
        posts: Vec<Post>,
        districts: HashMap<Uuid, String>,
        organisations: HashMap<Uuid, String>,
        /// The districts the caller is a contact of (empty unless they hold the role).
        contact_of: Vec<Uuid>,
        deadline: model::report::DeadlineDays,
        zone: model::datetime::Tz,
        today: NaiveDate,
    }

    impl Loaded {
        async fn read(db: &impl ConnectionTrait, actor: &Actor, now: DateTime<Utc>) -> Result<Self, AppError> {
            let posts = store::posts(db, &actor.tenant).await?;
            let mut loaded = Self::with_posts(db, actor, now, posts).await?;
            loaded.districts = crate::store::names::districts(db, &actor.tenant).await?;
            loaded.organisations = crate::store::names::organisations(db, &actor.tenant).await?;
            Ok(loaded)
        }

        /// Only the posts the caller coordinates and no names: what the home page's tasks count.
        async fn read_own(db: &impl ConnectionTrait, actor: &Actor, now: DateTime<Utc>) -> Result<Self, AppError> {
            let posts = store::posts_of_coordinator(db, &actor.tenant, actor.caller().user_id).await?;
            Self::with_posts(db, actor, now, posts).await
        }

        async fn with_posts(db: &impl ConnectionTrait, actor: &Actor, now: DateTime<Utc>, posts: Vec<Post>) -> Result<Self, AppError> {
            let scope = &actor.tenant;
            let (deadline, zone) = store::deadline(db, scope).await?;
            let contact = actor.caller().roles.contains(&model::Role::DistrictContact);
            let contact_of = if contact {
                crate::store::districts::of_contact(db, scope, actor.caller().user_id).await?.into_iter().map(|d| d.id).collect()
            } else {
                Vec::new()
            };
            Ok(Loaded {
                posts,
                districts: HashMap::new(),
                organisations: HashMap::new(),
                contact_of,
                deadline,
                zone,
                today: now.with_timezone(&zone).date_naive(),
            })
        }

        fn post(&self, id: Uuid) -> Result<&Post, AppError> {
            self.posts.iter().find(|post| post.id == id).ok_or(AppError::NotFound)
        }

        fn facts<'a>(&self, post: &'a Post, row: Option<&ReportHead>) -> Result<ReportFacts<'a>, AppError> {
            Ok(ReportFacts {
                organisation_id: post.organisation_id,
                coordinators: &post.coordinators,
                contact_of_district: post.district_id.is_some_and(|d| self.contact_of.contains(&d)),
                state: row.map(ReportHead::state).transpose()?,
                ever_submitted: row.is_some_and(|r| r.first_submitted_at.is_some()),
            })
        }

        /// [`Loaded::facts`] of a started report read whole.
        fn facts_of_row<'a>(&self, post: &'a Post, row: &report::Model) -> Result<ReportFacts<'a>, AppError> {
            self.facts(post, Some(&ReportHead::from(row)))
        }

        /// How the caller sees the post's reports in general (as if one had been submitted).
        fn post_access(&self, who: Who<'_>, post: &Post) -> Option<ReportAccess> {
            let facts = ReportFacts { state: Some(ReportState::Submitted), ever_submitted: true, ..self.facts(post, None).ok()? };
            report_access(who, &facts)
        }

        fn periods(&self, post: &Post) -> Vec<Period> {
            periods(&post.schedule, post.starts_on, post.ends_on, self.deadline, self.zone, self.today)
        }

        /// The post's periods with their started reports among `rows` (the post's, in period order). Reports
        /// started under an earlier schedule keep their own periods, after the scheduled ones.
        fn matched<'r>(&self, post: &Post, rows: &'r [ReportHead]) -> Result<Vec<(Period, Option<&'r ReportHead>)>, AppError> {
            let by_period = store::ByPeriod::new(rows);
            let mut found: Vec<(Period, Option<&ReportHead>)> =
                self.periods(post).into_iter().map(|period| (period, by_period.get(&period))).collect();
            let scheduled: HashSet<(PeriodKind, NaiveDate, NaiveDate)> =
                found.iter().map(|(p, _)| (p.kind, p.starts_on, p.ends_on)).collect();
            for row in rows {
                let period = row.period()?;
                if !scheduled.contains(&(period.kind, period.starts_on, period.ends_on)) {
                    found.push((period, Some(row)));
                }
            }
            Ok(found)
        }

        fn summary(
            &self,
            post: &Post,
            period: &Period,
            row: Option<&ReportHead>,
            access: ReportAccess,
            now: DateTime<Utc>,
        ) -> Result<ReportSummary, AppError> {
            // A reader learns of a report only once it was submitted.
            let row = row.filter(|r| access == ReportAccess::Coordinator || r.first_submitted_at.is_some());
            let submitted = row.and_then(|r| r.first_submitted_at);
            Ok(ReportSummary {
                id: row.map(|r| r.id),
                post_id: post.id,
                district: post.district_id.and_then(|d| self.districts.get(&d).cloned()).unwrap_or_default(),
                organisation: self.organisations.get(&post.organisation_id).cloned().unwrap_or_default(),
                kind: period.kind,
                period_start: period.starts_on,
                period_end: period.ends_on,
                due_at: period.due_at,
                state: row.map(ReportHead::state).transpose()?,
                late: row.is_some_and(|r| r.late) || (submitted.is_none() && period.is_late(now)),
                first_submitted_at: submitted,
                may_start: access == ReportAccess::Coordinator && row.is_none(),
            })
        }
    }

    /// The reports the caller may know of, newest due first: for coordinators every period of their posts,
    /// for readers every period of the posts they read, with only what was submitted.
    /// Kept while the tenant's data stays the same (`crate::derived`).
    pub async fn list(actor: &Actor, filter: Filter, now: DateTime<Utc>) -> Result<Vec<ReportSummary>, AppError> {
        actor.derived("reports", &filter, now, || async { Ok(listing(actor, filter.clone(), now).await?.reports) }).await
    }

    /// One page of [`list`] (from 1, `per_page` a page) and how many reports there are in all.
    #[derive(Debug, Clone, serde::Serialize)]
    pub struct ListPage {
        pub reports: Vec<ReportSummary>,
        pub total: u64,
    }

    /// A page of [`list`], kept like it, so that a page of a city's thousands of reports costs its own
    /// hundred rather than a copy of all of them.
    pub async fn list_page(
        actor: &Actor,
        filter: Filter,
        page: u64,
        per_page: u64,
        now: DateTime<Utc>,
    ) -> Result<ListPage, AppError> {
        actor
            .derived("reports list page", (&filter, page, per_page), now, || async {
                let all = list(actor, filter.clone(), now).await?;
                let total = all.len() as u64;
                Ok(ListPage { reports: model::paging::page_of(all, page, per_page), total })
            })
            .await
    }

    /// [`list`] with the tenant's posts and names it read on the way, for the controlling dashboard, which
    /// shows them too.
    pub struct Listing {
        pub reports: Vec<ReportSummary>,
        pub posts: Vec<Post>,
        pub districts: HashMap<Uuid, String>,
        pub organisations: HashMap<Uuid, String>,
    }

    /// [`list`], and what it read on the way ([`Listing`]).
    pub async fn listing(actor: &Actor, filter: Filter, now: DateTime<Utc>) -> Result<Listing, AppError> {
        let quarter = filter.quarter.as_deref().map(quarter_of).transpose()?;
        let state = filter.state.as_deref().map(state_filter).transpose()?;
        let db = &actor.server.db;
        let loaded = Loaded::read(db, actor, now).await?;
        let readable: Vec<(&Post, ReportAccess)> = loaded
            .posts
            .iter()
            .filter(|post| filter.post.is_none_or(|id| id == post.id))
            .filter_map(|post| Some((post, loaded.post_access(actor.who(), post)?)))
            .collect();
        let window = window(quarter, filter.year)?;
        let ids: Vec<Uuid> = readable.iter().map(|(post, _)| post.id).collect();
        let mut reports = store::reports_of_posts(db, &actor.tenant, &ids, window).await?;
        let mut found = Vec::new();
        for (post, access) in readable {
            let rows = reports.remove(&post.id).unwrap_or_default();
            for (period, row) in loaded.matched(post, &rows)? {
                if window.is_some_and(|(first, last)| period.starts_on < first || period.starts_on > last) {
                    continue;
                }
                let summary = loaded.summary(post, &period, row, access, now)?;
                if filter.state.is_some() && summary.state != state.flatten() {
                    continue;
                }
                found.push(summary);
            }
        }
        found.sort_by(|a, b| b.due_at.cmp(&a.due_at).then(a.district.cmp(&b.district)));
        let Loaded { posts, districts, organisations, .. } = loaded;
        Ok(Listing { reports: found, posts, districts, organisations })
    }

    /// The reports page ([`ReportListing`]): the same list as [`list`] gives, in the same order, with its
    /// work in full and one page of the whole. Every period of the readable posts is computed from their
    /// schedules, but reports are read only where the page needs them: the running work (drafts, returned,
    /// submitted), the page's own periods, and all reports of the posts that need them whole — the caller's
    /// own (what they may start is every period without a report) and those with reports off their schedule.
    /// So a city's ten years cost a page's worth of reports, not every one of them. Kept while the tenant's
    /// data stays the same (`crate::derived`).
    pub async fn page(actor: &Actor, page: u64, now: DateTime<Utc>) -> Result<ReportListing, AppError> {
        actor.derived("reports page", page, now, || page_of(actor, page, now)).await
    }

    async fn page_of(actor: &Actor, page: u64, now: DateTime<Utc>) -> Result<ReportListing, AppError> {
        /// One period of one readable post and its started report, if known.
        struct Entry<'r> {
            post: usize,
            period: Period,
            row: Option<&'r ReportHead>,
        }
        let db = &actor.server.db;
        let scope = &actor.tenant;
        let loaded = Loaded::read(db, actor, now).await?;
        let readable: Vec<(&Post, ReportAccess)> =
            loaded.posts.iter().filter_map(|post| Some((post, loaded.post_access(actor.who(), post)?))).collect();
        let whole: HashSet<Uuid> = readable
            .iter()
            .filter(|(post, access)| *access == ReportAccess::Coordinator || post.off_schedule)
            .map(|(post, _)| post.id)
            .collect();
        let ids: Vec<Uuid> = whole.iter().copied().collect();
        // The reports known before paging, by post in period order: the whole posts' and the running work.
        let mut known = store::reports_of_posts(db, scope, &ids, None).await?;
        let readable_ids: HashSet<Uuid> = readable.iter().map(|(post, _)| post.id).collect();
        let running = [ReportState::Draft, ReportState::Returned, ReportState::Submitted];
        for row in store::reports_in_states(db, scope, &running).await? {
            if readable_ids.contains(&row.award_id) && !whole.contains(&row.award_id) {
                known.entry(row.award_id).or_default().push(row);
            }
        }
        for rows in known.values_mut() {
            rows.sort_by_key(|row| row.period_end);
        }

        let mut entries = Vec::new();
        for (index, (post, _)) in readable.iter().enumerate() {
            let rows = known.get(&post.id).map_or(&[][..], Vec::as_slice);
            for (period, row) in loaded.matched(post, rows)? {
                entries.push(Entry { post: index, period, row });
            }
        }
        // Newest due first, then by district name: each post's name as its rank among the names, so the
        // thousands of comparisons compare numbers.
        let names: Vec<&str> = readable
            .iter()
            .map(|(post, _)| post.district_id.and_then(|d| loaded.districts.get(&d)).map_or("", String::as_str))
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        let rank: Vec<usize> = names.iter().map(|name| sorted.binary_search(name).unwrap_or_default()).collect();
        entries.sort_by(|a, b| b.period.due_at.cmp(&a.period.due_at).then_with(|| rank[a.post].cmp(&rank[b.post])));

        // The page's periods whose report is not known yet: read the reports of their posts and days.
        let window = model::report::PageWindow::of(entries.len(), page);
        let shown = &entries[window.rows.clone()];
        let missing: Vec<&Entry> = shown.iter().filter(|e| e.row.is_none() && !whole.contains(&readable[e.post].0.id)).collect();
        let days = missing.iter().map(|e| e.period.starts_on);
        let found = match (days.clone().min(), days.max()) {
            (Some(first), Some(last)) => {
                let posts: HashSet<Uuid> = missing.iter().map(|e| readable[e.post].0.id).collect();
                let posts: Vec<Uuid> = posts.into_iter().collect();
                store::reports_of_posts(db, scope, &posts, Some((first, last))).await?
            }
            _ => HashMap::new(),
        };
        let found: HashMap<Uuid, store::ByPeriod> = found.iter().map(|(post, rows)| (*post, store::ByPeriod::new(rows))).collect();

        let summary = |entry: &Entry, row: Option<&ReportHead>| {
            let (post, access) = readable[entry.post];
            loaded.summary(post, &entry.period, row, access, now)
        };
        let all = shown
            .iter()
            .map(|entry| {
                let row = entry.row.or_else(|| found.get(&readable[entry.post].0.id)?.get(&entry.period));
                summary(entry, row)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (mut to_do, mut waiting) = (Vec::new(), Vec::new());
        for entry in &entries {
            let running = match entry.row {
                Some(row) => running.contains(&row.state()?),
                None => readable[entry.post].1 == ReportAccess::Coordinator,
            };
            if !running {
                continue;
            }
            let summary = summary(entry, entry.row)?;
            if summary.is_to_do() {
                to_do.push(summary);
            } else if summary.is_waiting() {
                waiting.push(summary);
            }
        }
        Ok(ReportListing { to_do, waiting, all, total: entries.len() as u64, page: window.page, pages: window.pages })
    }

    /// The caller's work with reports (see `model::report::ReportTasks`). A coordinator's is worked out from
    /// every period of their posts and kept while the tenant's data stays the same (`crate::derived`; it
    /// depends on the clock through due dates, local midnights); anyone else's takes at most one count.
    pub async fn tasks(actor: &Actor, now: DateTime<Utc>) -> Result<model::report::ReportTasks, AppError> {
        if actor.caller().roles.contains(&model::Role::Coordinator) {
            actor.derived("report tasks", (), now, || tasks_of(actor, now)).await
        } else {
            tasks_of(actor, now).await
        }
    }

    async fn tasks_of(actor: &Actor, now: DateTime<Utc>) -> Result<model::report::ReportTasks, AppError> {
        let mut tasks = model::report::ReportTasks::default();
        let db = &actor.server.db;
        // A reviewer reads every post, so what waits for review is counted by the database, whatever the
        // number of reports.
        if actor.holds(Permission::ReviewReports) {
            tasks.waiting = store::count_in_state(db, &actor.tenant, ReportState::Submitted).await?;
        }
        // Only coordinators have reports of their own to write; everyone else's home page asks no more.
        if !actor.caller().roles.contains(&model::Role::Coordinator) {
            return Ok(tasks);
        }
        let loaded = Loaded::read_own(db, actor, now).await?;
        let own: Vec<&Post> = loaded
            .posts
            .iter()
            .filter(|post| loaded.post_access(actor.who(), post) == Some(ReportAccess::Coordinator))
            .collect();
        let ids: Vec<Uuid> = own.iter().map(|post| post.id).collect();
        let mut reports = store::reports_of_posts(db, &actor.tenant, &ids, None).await?;
        for post in own {
            let rows = reports.remove(&post.id).unwrap_or_default();
            let by_period = store::ByPeriod::new(&rows);
            for period in loaded.periods(post) {
                let row = by_period.get(&period);
                match row.map(ReportHead::state).transpose()? {
                    Some(ReportState::Returned) => tasks.returned += 1,
                    Some(ReportState::Draft) if period.is_late(now) => tasks.overdue += 1,
                    Some(ReportState::Draft) => tasks.drafts += 1,
                    None if period.is_late(now) => tasks.overdue += 1,
                    _ => {}
                }
            }
        }
        Ok(tasks)
    }

    async fn view(
        db: &impl ConnectionTrait,
        actor: &Actor,
        loaded: &Loaded,
        row: &report::Model,
        now: DateTime<Utc>,
    ) -> Result<ReportView, AppError> {
        let post = loaded.post(row.award_id)?;
        let head = ReportHead::from(row);
        let facts = loaded.facts(post, Some(&head))?;
        let access = report_access(actor.who(), &facts).ok_or(AppError::NotFound)?;
        let period = head.period()?;
        let versions = store::versions(db, &actor.tenant, row.id).await?;
        let mut shown = Vec::with_capacity(versions.len());
        let mut previous: Option<Content> = None;
        for version in &versions {
            let content = store::content_of(&version.content, row.id)?;
            let changes = previous.as_ref().map(|p| content.changes_since(p)).unwrap_or_default();
            shown.push(VersionView { number: version.number, submitted_at: version.submitted_at, content: content.clone(), changes });
            previous = Some(content);
        }
        let content = match access {
            ReportAccess::Coordinator => store::content_of(&row.content, row.id)?,
            ReportAccess::Reader => previous.unwrap_or_default(),
        };
        let names = crate::store::names::users(db, &actor.tenant).await?;
        let comments = store::comments(db, &actor.tenant, row.id)
            .await?
            .into_iter()
            .map(|c| CommentView {
                version: c.version_number,
                section: c.section.as_deref().and_then(model::report::Section::parse),
                body: c.body,
                author: names.get(&c.author_id).cloned().unwrap_or_default(),
                created_at: c.created_at,
            })
            .collect();
        let latest_submission = versions.last().map(|v| v.submitted_at);
        let files = crate::store::files::of_owners(db, &actor.tenant, Owner::Report, &[row.id])
            .await?
            .iter()
            .filter(|f| file_visible(access, f, latest_submission))
            .map(crate::store::files::file_ref)
            .collect();
        Ok(ReportView {
            summary: loaded.summary(post, &period, Some(&head), access, now)?,
            content,
            saved_at: (access == ReportAccess::Coordinator).then_some(row.saved_at),
            versions: shown,
            comments,
            files,
            may_edit: step(actor.who(), &facts, Step::Submit, 0).is_ok(),
            may_review: step(actor.who(), &facts, Step::Accept, 0).is_ok(),
        })
    }

    /// Whether a reader sees a file: its coordinators every one, readers those that were there when the report
    /// was last submitted (a file added while revising shows with the next submission).
    fn file_visible(access: ReportAccess, file: &model::entity::file::Model, submitted: Option<DateTime<Utc>>) -> bool {
        access == ReportAccess::Coordinator || submitted.is_some_and(|at| file.uploaded_at <= at)
    }

    /// Attaches a file (PDF, ODT or DOCX) to a report its coordinator may still change. Audited.
    pub async fn attach(
        actor: &Actor,
        id: Uuid,
        file_name: &str,
        bytes: bytes::Bytes,
        now: DateTime<Utc>,
    ) -> Result<FileRef, AppError> {
        if !actor.holds(Permission::FileReports) {
            return Err(AppError::Forbidden);
        }
        let may_change = |loaded: &Loaded, row: &report::Model| -> Result<(), AppError> {
            let post = loaded.post(row.award_id)?;
            step(actor.who(), &loaded.facts_of_row(post, row)?, Step::SaveDraft, 0).map(|_| ()).map_err(step_error)
        };
        // Checked before the file travels to storage, and again in the transaction that records it.
        let (loaded, row) = load_for_step(&actor.server.db, actor, id, now).await?;
        may_change(&loaded, &row)?;
        let storage = &actor.server.storage;
        let prefix = format!("{}/reports/{id}", actor.tenant.id());
        let staged = crate::attachments::stage(storage, &prefix, file_name, bytes).await?;
        let recorded = async {
            let txn = actor.server.db.begin().await?;
            let (loaded, row) = load_for_step(&txn, actor, id, now).await?;
            may_change(&loaded, &row)?;
            if crate::store::files::count(&txn, &actor.tenant, Owner::Report, id).await? >= MAX_FILES as u64 {
                return Err(AppError::invalid("file", crate::InvalidReason::TooLong));
            }
            let file = crate::store::files::add(&txn, &actor.tenant, Owner::Report, id, &staged, actor.caller().user_id, now).await?;
            let after = serde_json::json!({"file": file.id, "file_name": file.file_name, "sha256": file.sha256});
            actor.audit(&txn, "report.file_added", "report", id, None, Some(after)).await?;
            txn.commit().await?;
            Ok(crate::store::files::file_ref(&file))
        }
        .await;
        if recorded.is_err() {
            crate::attachments::discard(storage, &staged.key).await;
        }
        recorded
    }

    /// Removes a file its coordinator attached since the report was last submitted (what a submitted version
    /// went out with stays). Audited.
    pub async fn remove_file(actor: &Actor, id: Uuid, file: Uuid, now: DateTime<Utc>) -> Result<(), AppError> {
        if !actor.holds(Permission::FileReports) {
            return Err(AppError::Forbidden);
        }
        let txn = actor.server.db.begin().await?;
        let (loaded, row) = load_for_step(&txn, actor, id, now).await?;
        let post = loaded.post(row.award_id)?;
        step(actor.who(), &loaded.facts_of_row(post, &row)?, Step::SaveDraft, 0).map_err(step_error)?;
        let found = crate::store::files::one(&txn, &actor.tenant, Owner::Report, id, file).await?;
        let submitted = store::versions(&txn, &actor.tenant, id).await?.last().map(|v| v.submitted_at);
        if submitted.is_some_and(|at| found.uploaded_at <= at) {
            return Err(AppError::ReportLocked);
        }
        crate::store::files::remove(&txn, &actor.tenant, &found).await?;
        let before = serde_json::json!({"file": found.id, "file_name": found.file_name});
        actor.audit(&txn, "report.file_removed", "report", id, Some(before), None).await?;
        txn.commit().await?;
        if let Err(err) = actor.server.storage.delete(&found.storage_key).await {
            tracing::warn!(error = %err, key = %found.storage_key, "could not remove a report's file from storage");
        }
        Ok(())
    }

    /// A file of a report, for whoever may see it there.
    pub async fn file(
        actor: &Actor,
        id: Uuid,
        file: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(model::entity::file::Model, bytes::Bytes), AppError> {
        let db = &actor.server.db;
        let (loaded, row) = load_for_step(db, actor, id, now).await?;
        let post = loaded.post(row.award_id)?;
        let access = report_access(actor.who(), &loaded.facts_of_row(post, &row)?).ok_or(AppError::NotFound)?;
        let found = crate::store::files::one(db, &actor.tenant, Owner::Report, id, file).await?;
        let submitted = store::versions(db, &actor.tenant, id).await?.last().map(|v| v.submitted_at);
        if !file_visible(access, &found, submitted) {
            return Err(AppError::NotFound);
        }
        let bytes = actor.server.storage.get(&found.storage_key).await.map_err(AppError::internal)?;
        Ok((found, bytes))
    }

    /// One report, as the caller may see it; not found for anyone who may not (drafts included).
    pub async fn get(actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<ReportView, AppError> {
        let db = &actor.server.db;
        let loaded = Loaded::read(db, actor, now).await?;
        let row = store::report(db, &actor.tenant, id).await?;
        view(db, actor, &loaded, &row, now).await
    }

    /// Starts the report of one of a post's due periods (a coordinator of the post), empty or from the
    /// post's latest submitted report. Starting one that exists returns it.
    pub async fn start(actor: &Actor, input: StartInput, now: DateTime<Utc>) -> Result<ReportView, AppError> {
        if !actor.holds(Permission::FileReports) {
            return Err(AppError::Forbidden);
        }
        let txn = actor.server.db.begin().await?;
        let loaded = Loaded::read(&txn, actor, now).await?;
        let post = loaded.post(input.post_id)?;
        if report_access(actor.who(), &loaded.facts(post, None)?) != Some(ReportAccess::Coordinator) {
            return Err(AppError::NotFound);
        }
        let period = loaded
            .periods(post)
            .into_iter()
            .find(|p| p.kind == input.kind && p.starts_on == input.period_start)
            .ok_or(AppError::NotFound)?;
        let row = match store::report_for(&txn, &actor.tenant, post.id, &period).await? {
            Some(row) => row,
            None => {
                let state = step(actor.who(), &loaded.facts(post, None)?, Step::SaveDraft, 0).map_err(step_error)?;
                let content = if input.from_previous {
                    store::latest_submitted(&txn, &actor.tenant, post.id).await?.unwrap_or_default()
                } else {
                    Content::default()
                };
                let row = store::save(&txn, &actor.tenant, post.id, &period, &content, state, actor.caller().user_id, now)
                    .await?;
                let after = serde_json::json!({"post": post.id, "period_start": period.starts_on, "kind": period.kind});
                actor.audit(&txn, "report.started", "report", row.id, None, Some(after)).await?;
                row
            }
        };
        let shown = view(&txn, actor, &loaded, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    async fn load_for_step(
        txn: &impl ConnectionTrait,
        actor: &Actor,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(Loaded, report::Model), AppError> {
        let loaded = Loaded::read(txn, actor, now).await?;
        let row = store::report(txn, &actor.tenant, id).await?;
        let post = loaded.post(row.award_id)?;
        if report_access(actor.who(), &loaded.facts_of_row(post, &row)?).is_none() {
            return Err(AppError::NotFound);
        }
        Ok((loaded, row))
    }

    /// Saves the working text (a coordinator of the post, while it is a draft or returned).
    pub async fn save_draft(actor: &Actor, id: Uuid, content: Content, now: DateTime<Utc>) -> Result<ReportView, AppError> {
        if !actor.holds(Permission::FileReports) {
            return Err(AppError::Forbidden);
        }
        content.check_draft().map_err(content_error)?;
        let txn = actor.server.db.begin().await?;
        let (loaded, row) = load_for_step(&txn, actor, id, now).await?;
        let post = loaded.post(row.award_id)?;
        let head = ReportHead::from(&row);
        let state = step(actor.who(), &loaded.facts(post, Some(&head))?, Step::SaveDraft, 0).map_err(step_error)?;
        let period = head.period()?;
        let row = store::save(&txn, &actor.tenant, post.id, &period, &content, state, actor.caller().user_id, now).await?;
        let shown = view(&txn, actor, &loaded, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Submits the working text as the next version (a coordinator of the post); complete, or 422 naming the
    /// first section that is missing. The first submission decides whether the report was late. Audited.
    pub async fn submit(actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<ReportView, AppError> {
        if !actor.holds(Permission::FileReports) {
            return Err(AppError::Forbidden);
        }
        let txn = actor.server.db.begin().await?;
        let (loaded, row) = load_for_step(&txn, actor, id, now).await?;
        let post = loaded.post(row.award_id)?;
        let head = ReportHead::from(&row);
        step(actor.who(), &loaded.facts(post, Some(&head))?, Step::Submit, 0).map_err(step_error)?;
        store::content_of(&row.content, row.id)?.check_submission().map_err(content_error)?;
        let period = head.period()?;
        let row = store::submit(&txn, &actor.tenant, row, &period, actor.caller().user_id, now).await?;
        let after = serde_json::json!({"late": row.late});
        actor.audit(&txn, "report.submitted", "report", row.id, None, Some(after)).await?;
        let shown = view(&txn, actor, &loaded, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Accepts a submitted report, or returns it with at least one comment (steering group, administration).
    /// Audited.
    pub async fn review(actor: &Actor, id: Uuid, input: ReviewInput, now: DateTime<Utc>) -> Result<ReportView, AppError> {
        if !actor.holds(Permission::ReviewReports) {
            return Err(AppError::Forbidden);
        }
        let mut comments = Vec::with_capacity(input.comments.len());
        for comment in &input.comments {
            let body = comment.body.trim();
            if body.is_empty() {
                return Err(AppError::invalid("comments", crate::InvalidReason::Required));
            }
            if body.chars().count() > MAX_COMMENT_CHARS {
                return Err(AppError::invalid("comments", crate::InvalidReason::TooLong));
            }
            comments.push((comment.section, body.to_owned()));
        }
        let txn = actor.server.db.begin().await?;
        let (loaded, row) = load_for_step(&txn, actor, id, now).await?;
        let post = loaded.post(row.award_id)?;
        let facts = loaded.facts_of_row(post, &row)?;
        let wanted = match input.verdict {
            Verdict::Accept => Step::Accept,
            Verdict::Return => Step::Return,
        };
        let state = step(actor.who(), &facts, wanted, comments.len()).map_err(step_error)?;
        let row = store::review(&txn, &actor.tenant, row, state, &comments, actor.caller().user_id, now).await?;
        let after = serde_json::json!({"state": state, "comments": comments.len()});
        actor.audit(&txn, "report.reviewed", "report", row.id, None, Some(after)).await?;
        let shown = view(&txn, actor, &loaded, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    fn year_of(year: Option<i32>) -> Result<Option<i32>, AppError> {
        match year {
            Some(year) if !(2000..=2200).contains(&year) => Err(AppError::invalid("year", crate::InvalidReason::Malformed)),
            _ => Ok(year),
        }
    }

    /// Whether the posts the caller may read report on time: every period of `year` (or of all years) with
    /// its standing, counted in total and per quarter. Built from [`list`], so a reader learns nothing of
    /// drafts.
    pub async fn compliance(actor: &Actor, year: Option<i32>, now: DateTime<Utc>) -> Result<ComplianceView, AppError> {
        let year = year_of(year)?;
        let all = list(actor, Filter::default(), now).await?;
        Ok(ComplianceView::build(&all, year, now))
    }

    /// The figures of the submitted reports the caller may read, added up per year, and for `year` (the
    /// latest by default) per district and quarter.
    pub async fn figures(actor: &Actor, year: Option<i32>, now: DateTime<Utc>) -> Result<FiguresView, AppError> {
        let year = year_of(year)?;
        let all = list(actor, Filter::default(), now).await?;
        Ok(FiguresView::build(&figure_inputs(actor, &all).await?, year))
    }

    /// The figures of every submitted report of `all` (from [`list`]) in its latest submitted version, with
    /// post, district and period: what [`figures`] and the controlling dashboard add up.
    pub async fn figure_inputs(actor: &Actor, all: &[ReportSummary]) -> Result<Vec<FigureInput>, AppError> {
        let submitted: Vec<&ReportSummary> = all.iter().filter(|s| s.first_submitted_at.is_some()).collect();
        let ids: Vec<Uuid> = submitted.iter().filter_map(|s| s.id).collect();
        let figures = store::latest_figures(&actor.server.db, &actor.tenant, &ids).await?;
        let inputs: Vec<FigureInput> = submitted
            .into_iter()
            .filter_map(|s| {
                Some(FigureInput {
                    post_id: s.post_id,
                    district: s.district.clone(),
                    period_start: s.period_start,
                    figures: *figures.get(&s.id?)?,
                })
            })
            .collect();
        Ok(inputs)
    }

    /// Changes when a post reports (administration): the cadence, a final report, extra dates within its
    /// running time. What is due follows at once; reports already started keep their periods. Audited.
    pub async fn set_schedule(
        actor: &Actor,
        post: Uuid,
        schedule: model::report::Schedule,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        use crate::InvalidReason::Malformed;
        use model::report::ScheduleError;
        if !actor.holds(Permission::ManageCalls) {
            return Err(AppError::Forbidden);
        }
        let mut schedule = schedule;
        schedule.extra.sort_unstable();
        schedule.extra.dedup();
        let txn = actor.server.db.begin().await?;
        let found = store::post(&txn, &actor.tenant, post).await?;
        model::report::check_schedule(&schedule, found.starts_on, found.ends_on).map_err(|err| match err {
            ScheduleError::FinalWithoutEnd => AppError::invalid("final_report", Malformed),
            ScheduleError::TooManyExtraDates => AppError::invalid("extra", crate::InvalidReason::TooLong),
            _ => AppError::invalid("extra", Malformed),
        })?;
        // Whether a report started before lies off the new schedule: the report list then reads the post's
        // reports whole (see `page`).
        let (deadline, zone) = store::deadline(&txn, &actor.tenant).await?;
        let today = now.with_timezone(&zone).date_naive();
        let due: HashSet<(PeriodKind, NaiveDate, NaiveDate)> = periods(&schedule, found.starts_on, found.ends_on, deadline, zone, today)
            .into_iter()
            .map(|p| (p.kind, p.starts_on, p.ends_on))
            .collect();
        let mut off_schedule = false;
        for row in store::reports_of_posts(&txn, &actor.tenant, &[post], None).await?.remove(&post).unwrap_or_default() {
            let period = row.period()?;
            off_schedule |= !due.contains(&(period.kind, period.starts_on, period.ends_on));
        }
        store::set_schedule(&txn, &actor.tenant, post, &schedule, off_schedule).await?;
        let before = serde_json::to_value(&found.schedule).ok();
        let after = serde_json::to_value(&schedule).ok();
        actor.audit(&txn, "post.schedule_changed", "post", post, before, after).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Assigns a coordinator (an account of the tenant with the coordinator role) to a post (administration).
    /// Audited.
    pub async fn assign(actor: &Actor, post: Uuid, user: Uuid, now: DateTime<Utc>) -> Result<(), AppError> {
        if !actor.holds(Permission::ManageUsers) {
            return Err(AppError::Forbidden);
        }
        let txn = actor.server.db.begin().await?;
        store::post(&txn, &actor.tenant, post).await?;
        let roles = crate::store::users::summary(&txn, &actor.tenant, user).await?.roles;
        if !roles.contains(&model::Role::Coordinator) {
            return Err(AppError::invalid("user_id", crate::InvalidReason::Malformed));
        }
        store::assign(&txn, &actor.tenant, post, user, now).await?;
        let after = serde_json::json!({"post": post, "coordinator": user});
        actor.audit(&txn, "report.coordinator_assigned", "post", post, None, Some(after)).await?;
        txn.commit().await?;
        Ok(())
    }
}

use crate::AppError;
use model::report::{PeriodKind, ReportView, Verdict};
use uuid::Uuid;

/// A network partner as the report form sends it (one row of the partners table; empty rows are dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartnerRow {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub new: Option<String>,
    #[serde(default)]
    pub quality: String,
}

/// The reports the caller may know of (see [`ops::list`]) as the reports page shows them: the work in full,
/// the whole list a page (from 1) at a time.
#[leptos::server(prefix = "/fn", endpoint = "reports")]
pub async fn reports(#[server(default)] page: Option<u64>) -> Result<model::report::ReportListing, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            ops::page(&actor, page.unwrap_or(1), chrono::Utc::now()).await
        }
        .await,
    )
}

/// Whether the posts the caller may read report on time (see [`ops::compliance`]).
#[leptos::server(prefix = "/fn", endpoint = "report_compliance")]
pub async fn report_compliance(year: Option<i32>) -> Result<model::report::compliance::ComplianceView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            ops::compliance(&actor, year, chrono::Utc::now()).await
        }
        .await,
    )
}

/// The figures of the reports the caller may read, added up (see [`ops::figures`]).
#[leptos::server(prefix = "/fn", endpoint = "report_figures")]
pub async fn report_figures(year: Option<i32>) -> Result<model::report::totals::FiguresView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            ops::figures(&actor, year, chrono::Utc::now()).await
        }
        .await,
    )
}

/// The caller's work with reports, for the home page (nothing for a visitor).
#[leptos::server(prefix = "/fn", endpoint = "report_tasks")]
pub async fn report_tasks() -> Result<model::report::ReportTasks, AppError> {
    crate::error::respond(
        async move {
            match crate::actor::Actor::signed_in().await {
                Ok(actor) => ops::tasks(&actor, chrono::Utc::now()).await,
                Err(AppError::Unauthenticated) => Ok(model::report::ReportTasks::default()),
                Err(err) => Err(err),
            }
        }
        .await,
    )
}

/// One report, as the caller may see it.
#[leptos::server(prefix = "/fn", endpoint = "report")]
pub async fn report(id: Uuid) -> Result<ReportView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            ops::get(&actor, id, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Starts a report (a coordinator of the post) and goes to it.
#[leptos::server(prefix = "/fn", endpoint = "start_report")]
pub async fn start_report(
    post: Uuid,
    kind: PeriodKind,
    period_start: chrono::NaiveDate,
    from_previous: Option<String>,
) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::FileReports).await?;
            let input = model::report::StartInput { post_id: post, kind, period_start, from_previous: from_previous.is_some() };
            let view = ops::start(&actor, input, chrono::Utc::now()).await?;
            let id = view.summary.id.ok_or_else(|| AppError::internal("started report without id"))?;
            leptos_axum::redirect(&format!("/{}/reports/{id}", actor.tenant.view().slug));
            Ok(())
        }
        .await,
    )
}

/// Saves the report form's working text (a coordinator of the post); answers with the time it was saved,
/// which the form's autosave keeps as the base of this browser's copy.
#[leptos::server(prefix = "/fn", endpoint = "save_report")]
pub async fn save_report(
    id: Uuid,
    cooperation: String,
    access: String,
    prevention: String,
    network: String,
    youth_office: String,
    #[server(default)] partners: Vec<PartnerRow>,
    network_partners: String,
    meetings: String,
    measures_started: String,
    people_reached: String,
    hours_worked: String,
    money_spent: String,
) -> Result<chrono::DateTime<chrono::Utc>, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::FileReports).await?;
            let count = |field: &str, text: &str| {
                let text = text.trim();
                if text.is_empty() { Ok(0) } else { text.parse::<u32>().map_err(|_| AppError::invalid(field, crate::InvalidReason::Malformed)) }
            };
            let hours = hours_worked.trim().replace(',', ".");
            let hours = if hours.is_empty() { Ok(rust_decimal::Decimal::ZERO) } else { hours.parse() };
            let partners = partners
                .into_iter()
                .filter(|row| !(row.name.trim().is_empty() && row.field.trim().is_empty()))
                .map(|row| model::report::Partner {
                    name: row.name.trim().to_owned(),
                    field: row.field.trim().to_owned(),
                    new: row.new.is_some(),
                    quality: match row.quality.as_str() {
                        "developing" => model::report::Quality::Developing,
                        "difficult" => model::report::Quality::Difficult,
                        _ => model::report::Quality::Good,
                    },
                })
                .collect();
            let content = model::report::Content {
                cooperation,
                access,
                prevention,
                network,
                youth_office,
                partners,
                figures: model::report::Figures {
                    network_partners: count("network_partners", &network_partners)?,
                    meetings: count("meetings", &meetings)?,
                    measures_started: count("measures_started", &measures_started)?,
                    people_reached: count("people_reached", &people_reached)?,
                    hours_worked: hours.map_err(|_| AppError::invalid("hours_worked", crate::InvalidReason::Malformed))?,
                    money_spent: if money_spent.trim().is_empty() {
                        model::Money::ZERO
                    } else {
                        model::Money::parse(&money_spent).map_err(|_| AppError::invalid("money_spent", crate::InvalidReason::Malformed))?
                    },
                },
            };
            let view = ops::save_draft(&actor, id, content, chrono::Utc::now()).await?;
            view.saved_at.ok_or_else(|| AppError::internal("a saved draft without its time"))
        }
        .await,
    )
}

/// Removes a file attached since the last submission (a coordinator of the post).
#[leptos::server(prefix = "/fn", endpoint = "remove_report_file")]
pub async fn remove_report_file(id: Uuid, file: Uuid) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::FileReports).await?;
            ops::remove_file(&actor, id, file, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Changes a post's reporting schedule from the posts page (administration). `extra` lists days as
/// `YYYY-MM-DD`, separated by commas or spaces.
#[leptos::server(prefix = "/fn", endpoint = "set_post_schedule")]
pub async fn set_post_schedule(
    post: Uuid,
    cadence: String,
    final_report: Option<String>,
    #[server(default)] extra: String,
) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            use crate::InvalidReason::Malformed;
            let actor = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let cadence = model::report::Cadence::parse(&cadence).ok_or(AppError::invalid("cadence", Malformed))?;
            let extra = extra
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|d| !d.is_empty())
                .map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| AppError::invalid("extra", Malformed)))
                .collect::<Result<Vec<_>, _>>()?;
            let schedule = model::report::Schedule { cadence, final_report: final_report.is_some(), extra };
            ops::set_schedule(&actor, post, schedule, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Submits the report (a coordinator of the post).
#[leptos::server(prefix = "/fn", endpoint = "submit_report")]
pub async fn submit_report(id: Uuid) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::FileReports).await?;
            ops::submit(&actor, id, chrono::Utc::now()).await?;
            Ok(())
        }
        .await,
    )
}

/// Accepts or returns a report with comments per section (steering group, administration).
#[leptos::server(prefix = "/fn", endpoint = "review_report")]
pub async fn review_report(
    id: Uuid,
    verdict: Verdict,
    #[server(default)] comment_cooperation: String,
    #[server(default)] comment_access: String,
    #[server(default)] comment_prevention: String,
    #[server(default)] comment_network: String,
    #[server(default)] comment_youth_office: String,
    #[server(default)] comment_general: String,
) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            use model::report::{CommentInput, Section};
            let actor = crate::actor::Actor::require(model::Permission::ReviewReports).await?;
            let given = [
                (Some(Section::Cooperation), comment_cooperation),
                (Some(Section::Access), comment_access),
                (Some(Section::Prevention), comment_prevention),
                (Some(Section::Network), comment_network),
                (Some(Section::YouthOffice), comment_youth_office),
                (None, comment_general),
            ];
            let comments = given
                .into_iter()
                .filter(|(_, body)| !body.trim().is_empty())
                .map(|(section, body)| CommentInput { section, body })
                .collect();
            ops::review(&actor, id, model::report::ReviewInput { verdict, comments }, chrono::Utc::now()).await?;
            Ok(())
        }
        .await,
    )
}
