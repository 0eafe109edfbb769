//! Controlling (issue 14; SPEC §3C, seed §3, §8): the budget per programme, module and year, the
//! append-only ledger, the closing of budget years with their earmarked carry-over.
//!
//! The rules are `model::ledger`'s; the operations in [`ops`] load one line's facts inside a transaction that
//! holds the tenant's ledger lock, ask the rules, write and audit. The steering group reads
//! (`ReadLedger`), the administration writes (`WriteLedger`); the server functions below, the REST API
//! and the CSV import are thin wrappers around the same operations.

// A server function takes a form's fields one by one (the client-side stub of the ledger form has nine).
#![allow(clippy::too_many_arguments)]

#[cfg(feature = "ssr")]
pub mod ops {
    use crate::AppError;
    use crate::actor::Actor;
    use crate::store::{TenantScope, ledger as store};
    use chrono::{DateTime, Datelike, NaiveDate, Utc};
    use model::Money;
    use model::Permission;
    use model::call::Module;
    use model::entity::ledger_entry;
    use model::ledger::{
        BudgetLine, BudgetView, ClosingView, Earmark, EntryKind, EntryView, LedgerPage, Line, Posting, Reversed, Totals,
    };
    use sea_orm::{ConnectionTrait, TransactionTrait};
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    use uuid::Uuid;

    /// A ledger row as a form (or a CSV row) gives it: text fields, read into a [`Posting`] here so that the
    /// page and the import say the same about the same mistake (the field it is in).
    #[derive(Debug, Clone, Default)]
    pub struct EntryForm {
        pub kind: String,
        pub module: String,
        pub year: String,
        pub amount: String,
        pub booked_on: String,
        pub reference: String,
        pub award_id: String,
        pub reverses: String,
        pub note: String,
    }

    impl EntryForm {
        pub fn posting(&self) -> Result<Posting, AppError> {
            use crate::InvalidReason::{Malformed, Required};
            let field = |name: &str, value: &str| {
                if value.trim().is_empty() { AppError::invalid(name, Required) } else { AppError::invalid(name, Malformed) }
            };
            let module = || Module::parse(self.module.trim()).ok_or_else(|| field("module", &self.module));
            let year = || self.year.trim().parse::<i32>().map_err(|_| field("year", &self.year));
            let amount = || Money::parse(&self.amount).map_err(|_| field("amount", &self.amount));
            let booked_on = || model::datetime::parse_day(&self.booked_on).ok_or_else(|| field("booked_on", &self.booked_on));
            let uuid = |name: &str, value: &str| Uuid::parse_str(value.trim()).map_err(|_| field(name, value));
            Ok(match self.kind.trim() {
                "appropriation" => Posting::Appropriation {
                    programme: None,
                    module: module()?,
                    year: year()?,
                    amount: amount()?,
                    booked_on: booked_on()?,
                    reference: self.reference.clone(),
                    note: self.note.clone(),
                },
                "disbursement" => Posting::Disbursement {
                    programme: None,
                    module: module()?,
                    year: year()?,
                    award_id: uuid("award_id", &self.award_id)?,
                    amount: amount()?,
                    booked_on: booked_on()?,
                    reference: self.reference.clone(),
                    note: self.note.clone(),
                },
                "correction" => Posting::Correction {
                    reverses: uuid("reverses", &self.reverses)?,
                    booked_on: booked_on()?,
                    note: self.note.clone(),
                },
                other => return Err(field("kind", other)),
            })
        }
    }

    /// Rows per page of the ledger.
    pub const PER_PAGE: u64 = 50;

    /// What an award commits: its funding per year, charged to its module.
    #[derive(Debug)]
    pub struct Commitment<'a> {
        pub award: Uuid,
        pub module: Module,
        pub funding: &'a model::award::Funding,
        pub decided_on: NaiveDate,
        pub reference: &'a str,
    }

    /// Writes an award's commitments (one row per funded year) into the tenant's first programme, in the
    /// transaction that records the award.
    pub async fn commit(
        db: &impl ConnectionTrait,
        scope: &TenantScope,
        commitment: &Commitment<'_>,
        user: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let programme = store::programme(db, scope, None).await?;
        for (&year, &amount) in commitment.funding {
            if amount == Money::ZERO {
                continue;
            }
            let entry = store::NewEntry {
                line: Line { programme: programme.clone(), module: commitment.module, year },
                kind: EntryKind::Commitment,
                amount,
                reverses: None,
                award_id: Some(commitment.award),
                booked_on: commitment.decided_on,
                reference: commitment.reference.to_owned(),
                note: String::new(),
                created_by: Some(user),
            };
            store::insert(db, scope, entry, now).await?;
        }
        Ok(())
    }

    fn year_of(year: i32) -> Result<i32, AppError> {
        if model::ledger::YEARS.contains(&year) {
            Ok(year)
        } else {
            Err(AppError::invalid("year", crate::InvalidReason::Malformed))
        }
    }

    /// The budget of `year`: one line per programme and module with money in it, and the total.
    pub async fn budget(actor: &Actor, year: i32) -> Result<BudgetView, AppError> {
        actor.check(Permission::ReadLedger)?;
        let year = year_of(year)?;
        let db = &actor.server.db;
        let lines = store::totals(db, &actor.tenant, Some(year)).await?;
        let closed = model::ledger::is_closed(year, &store::closings(db, &actor.tenant).await?);
        Ok(budget_view(year, closed, &lines))
    }

    /// The budget view of one year from the sums per line.
    pub fn budget_view(year: i32, closed: bool, lines: &BTreeMap<Line, Totals>) -> BudgetView {
        let mut total = Totals::default();
        let modules = lines
            .iter()
            .filter(|(line, _)| line.year == year)
            .map(|(line, totals)| {
                total = total.plus(totals);
                BudgetLine::new(&line.programme, line.module, totals)
            })
            .collect();
        BudgetView { year, closed, modules, total: BudgetLine { module: Module::Practice, ..BudgetLine::new("", Module::Practice, &total) } }
    }

    /// Labels of the tenant's awards ("Pieschen – Carrier e. V."), for ledger rows.
    async fn award_labels(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<HashMap<Uuid, String>, AppError> {
        Ok(crate::store::awards::posts(db, scope)
            .await?
            .into_iter()
            .map(|post| {
                let label = match post.district_name {
                    Some(district) => format!("{district} – {}", post.organisation_name),
                    None => post.organisation_name,
                };
                (post.id, label)
            })
            .collect())
    }

    fn view_of(row: ledger_entry::Model, reversed_by: Option<Uuid>, labels: &HashMap<Uuid, String>) -> Result<EntryView, AppError> {
        Ok(EntryView {
            id: row.id,
            module: Module::parse(&row.module).ok_or_else(|| AppError::internal("ledger module"))?,
            kind: EntryKind::parse(&row.kind).ok_or_else(|| AppError::internal("ledger kind"))?,
            programme: row.programme,
            year: row.year,
            amount: Money::from_cents(row.amount_cents),
            reverses: row.reverses,
            reversed_by,
            award_id: row.award_id,
            award_label: row.award_id.and_then(|a| labels.get(&a).cloned()),
            booked_on: row.booked_on,
            reference: row.reference,
            note: row.note,
            created_at: row.created_at,
        })
    }

    /// What the ledger list is narrowed to, as given (the API's query, the page's form).
    #[derive(Debug, Clone, Default)]
    pub struct Filter {
        pub year: Option<i32>,
        pub kind: Option<String>,
        pub award: Option<Uuid>,
        pub page: Option<u64>,
    }

    /// A page of the ledger, newest first. Kept while the tenant's data stays the same (`crate::derived`;
    /// it does not depend on the clock): counting a city's 50,000 rows for the pager is not made per request.
    pub async fn ledger(actor: &Actor, filter: Filter) -> Result<LedgerPage, AppError> {
        actor.check(Permission::ReadLedger)?;
        let year = filter.year.map(year_of).transpose()?;
        let kind = match filter.kind.as_deref().filter(|k| !k.is_empty()) {
            Some(text) => Some(EntryKind::parse(text).ok_or_else(|| AppError::invalid("kind", crate::InvalidReason::Malformed))?),
            None => None,
        };
        let page = filter.page.unwrap_or(1).max(1);
        if page > 100_000 {
            return Err(AppError::invalid("page", crate::InvalidReason::Malformed));
        }
        let db = &actor.server.db;
        let wanted = store::Filter { year, kind, award: filter.award };
        actor
            .derived("ledger", (&wanted, page), Utc::now(), || async {
                let (rows, total_count, reversed_by) = store::page(db, &actor.tenant, &wanted, page, PER_PAGE).await?;
                let labels = award_labels(db, &actor.tenant).await?;
                let entries = rows
                    .into_iter()
                    .map(|row| {
                        let by = reversed_by.get(&row.id).copied();
                        view_of(row, by, &labels)
                    })
                    .collect::<Result<_, _>>()?;
                Ok(LedgerPage { entries, total_count, page, per_page: PER_PAGE })
            })
            .await
    }

    /// Adds one row (administration): an appropriation, a payment, or a correction. Checked against the
    /// line under the tenant's ledger lock; audited. Returns the new row.
    pub async fn post(actor: &Actor, posting: Posting, now: DateTime<Utc>) -> Result<EntryView, AppError> {
        actor.check(Permission::WriteLedger)?;
        let txn = actor.server.db.begin().await?;
        let id = post_in(&txn, actor, posting, now).await?;
        let labels = award_labels(&txn, &actor.tenant).await?;
        let row = store::entry(&txn, &actor.tenant, id).await?;
        txn.commit().await?;
        view_of(row, None, &labels)
    }

    /// [`post`] within a transaction the caller holds (the CSV import posts many rows in one). Audited.
    pub async fn post_in(
        db: &impl ConnectionTrait,
        actor: &Actor,
        posting: Posting,
        now: DateTime<Utc>,
    ) -> Result<Uuid, AppError> {
        let (id, after) = book(db, &actor.tenant, posting, Some(actor.caller().user_id), now).await?;
        actor.audit(db, "ledger.entry_added", "ledger_entry", id, None, Some(after)).await?;
        Ok(id)
    }

    /// Checks a posting against its line under the tenant's ledger lock and writes it; returns the row's id
    /// and what it recorded (for the audit line). The operations above and the demo's history book this way.
    pub async fn book(
        db: &impl ConnectionTrait,
        scope: &TenantScope,
        posting: Posting,
        user: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<(Uuid, serde_json::Value), AppError> {
        store::lock(db, scope).await?;
        let entry = match posting {
            Posting::Appropriation { programme, module, year, amount, booked_on, reference, note } => {
                let programme = store::programme(db, scope, programme.as_deref()).await?;
                let line = Line { programme, module, year };
                let facts = store::line_facts(db, scope, &line).await?;
                model::ledger::check_appropriation(year, amount, &reference, &note, &facts)?;
                store::NewEntry {
                    line,
                    kind: EntryKind::Appropriation,
                    amount,
                    reverses: None,
                    award_id: None,
                    booked_on,
                    reference: reference.trim().to_owned(),
                    note: note.trim().to_owned(),
                    created_by: user,
                }
            }
            Posting::Disbursement { programme, module, year, award_id, amount, booked_on, reference, note } => {
                let programme = store::programme(db, scope, programme.as_deref()).await?;
                let award_kind = crate::store::awards::kind_of(db, scope, award_id)
                    .await?
                    .ok_or_else(|| AppError::invalid("award_id", crate::InvalidReason::Malformed))?;
                let award_programme = match store::programme_of_award(db, scope, award_id).await? {
                    Some(code) => code,
                    None => store::programme(db, scope, None).await?,
                };
                let line = Line { programme, module, year };
                let facts = store::line_facts(db, scope, &line).await?;
                let earmark = Earmark {
                    line_programme: &line.programme,
                    line_module: module,
                    award_programme: &award_programme,
                    award_module: award_kind.module(),
                };
                model::ledger::check_disbursement(year, amount, &reference, &note, earmark, &facts)?;
                store::NewEntry {
                    line,
                    kind: EntryKind::Disbursement,
                    amount,
                    reverses: None,
                    award_id: Some(award_id),
                    booked_on,
                    reference: reference.trim().to_owned(),
                    note: note.trim().to_owned(),
                    created_by: user,
                }
            }
            Posting::Correction { reverses, booked_on, note } => {
                let original = store::entry(db, scope, reverses)
                    .await
                    .map_err(|_| AppError::invalid("reverses", crate::InvalidReason::Malformed))?;
                let kind = EntryKind::parse(&original.kind).ok_or_else(|| AppError::internal("ledger kind"))?;
                let module = Module::parse(&original.module).ok_or_else(|| AppError::internal("ledger module"))?;
                let line = Line { programme: original.programme.clone(), module, year: original.year };
                let target = Reversed {
                    kind,
                    amount: Money::from_cents(original.amount_cents),
                    is_correction: original.reverses.is_some(),
                    reversed: store::is_reversed(db, scope, reverses).await?,
                };
                let facts = store::line_facts(db, scope, &line).await?;
                let amount = model::ledger::check_correction(line.year, &target, &note, &facts)?;
                store::NewEntry {
                    line,
                    kind,
                    amount,
                    reverses: Some(reverses),
                    award_id: original.award_id,
                    booked_on,
                    reference: original.reference,
                    note: note.trim().to_owned(),
                    created_by: user,
                }
            }
        };
        let after = serde_json::json!({
            "programme": entry.line.programme, "module": entry.line.module, "year": entry.line.year,
            "kind": entry.kind, "amount": entry.amount, "reverses": entry.reverses, "award_id": entry.award_id,
            "booked_on": entry.booked_on, "reference": entry.reference, "note": entry.note,
        });
        let id = store::insert(db, scope, entry, now).await?;
        Ok((id, after))
    }

    /// Closes a budget year (administration): every line's rest is carried, earmarked, into the same
    /// programme and module of the next year, as a visible pair of rows; then the year takes no more entries.
    /// Audited.
    ///
    /// Closing a year that is closed already answers with that closing (`false`: nothing new), so a retried
    /// request does no harm; a year before a closed one that was never closed itself is refused.
    pub async fn close_year(actor: &Actor, year: i32, now: DateTime<Utc>) -> Result<(ClosingView, bool), AppError> {
        actor.check(Permission::WriteLedger)?;
        let txn = actor.server.db.begin().await?;
        store::lock(&txn, &actor.tenant).await?;
        if let Some(&closed_at) = store::closings(&txn, &actor.tenant).await?.get(&year) {
            let carried = store::totals(&txn, &actor.tenant, Some(year + 1))
                .await?
                .into_iter()
                .filter(|(_, totals)| totals.carried_in != Money::ZERO)
                .map(|(line, totals)| {
                    let mut moved = Totals::default();
                    moved.add(EntryKind::CarryIn, totals.carried_in);
                    BudgetLine::new(&line.programme, line.module, &moved)
                })
                .collect();
            return Ok((ClosingView { year, closed_at, carried }, false));
        }
        let view = close_in(&txn, &actor.tenant, year, actor.caller().user_id, now).await?;
        let carried: Vec<_> = view.carried.iter().map(|l| (l.programme.clone(), l.module, l.carried_in)).collect();
        let after = serde_json::json!({"year": year, "carried": carried});
        actor.audit(&txn, "ledger.year_closed", "budget_year", year, None, Some(after)).await?;
        txn.commit().await?;
        Ok((view, true))
    }

    /// [`close_year`] within a transaction the caller holds.
    pub async fn close_in(
        db: &impl ConnectionTrait,
        scope: &TenantScope,
        year: i32,
        user: Uuid,
        now: DateTime<Utc>,
    ) -> Result<ClosingView, AppError> {
        let txn = db;
        store::lock(txn, scope).await?;
        let closings = store::closings(txn, scope).await?;
        let years: BTreeSet<i32> = store::years(txn, scope).await?.into_iter().collect();
        let today = now.with_timezone(&model::datetime::time_zone("Europe/Berlin")).date_naive();
        model::ledger::check_closing(year, today, &closings, &years)?;
        let lines = store::totals(txn, scope, Some(year)).await?;
        let carried = model::ledger::carry_over(&lines, year);
        let closed_on = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| AppError::internal("year end"))?;
        let next_start = NaiveDate::from_ymd_opt(year + 1, 1, 1).ok_or_else(|| AppError::internal("year start"))?;
        let mut views = Vec::new();
        for (line, rest) in &carried {
            let note = format!("{year} → {}", year + 1);
            for (kind, line, booked_on) in [
                (EntryKind::CarryOut, line.clone(), closed_on),
                (EntryKind::CarryIn, Line { year: year + 1, ..line.clone() }, next_start),
            ] {
                let entry = store::NewEntry {
                    line,
                    kind,
                    amount: *rest,
                    reverses: None,
                    award_id: None,
                    booked_on,
                    reference: String::new(),
                    note: note.clone(),
                    created_by: None,
                };
                store::insert(txn, scope, entry, now).await?;
            }
            let mut moved = Totals::default();
            moved.add(EntryKind::CarryIn, *rest);
            views.push(BudgetLine::new(&line.programme, line.module, &moved));
        }
        store::close(txn, scope, year, user, now).await?;
        Ok(ClosingView { year, closed_at: now, carried: views })
    }

    /// The years the ledger has, the current one included, oldest first. Kept (`crate::derived`): the ledger's
    /// and the committee text's pages ask on every request, and finding a city's years reads all its sums.
    pub async fn years(actor: &Actor, now: DateTime<Utc>) -> Result<Vec<i32>, AppError> {
        actor.check(Permission::ReadLedger)?;
        actor
            .derived("ledger years", (), now, || async {
                let mut years: BTreeSet<i32> =
                    store::years(&actor.server.db, &actor.tenant).await?.into_iter().collect();
                years.insert(now.with_timezone(&model::datetime::time_zone("Europe/Berlin")).year());
                Ok(years.into_iter().collect())
            })
            .await
    }

    /// Checks every tenant's ledger (`server ledger check`): one line per discrepancy, named by tenant
    /// (`model::ledger::audit`), and per sum the database keeps that differs from its entries. Empty when
    /// everything adds up.
    pub async fn check_all(db: &impl ConnectionTrait) -> Result<Vec<String>, AppError> {
        use sea_orm::{EntityTrait, QueryOrder};
        let tenants = model::entity::tenant::Entity::find()
            .order_by_asc(model::entity::tenant::Column::Slug)
            .all(db)
            .await?;
        let mut found = Vec::new();
        for tenant in tenants {
            let (rows, closings) = store::audit_rows(db, tenant.id).await?;
            found.extend(model::ledger::audit(&rows, &closings).into_iter().map(|d| format!("{}: {d}", tenant.slug)));
            found.extend(store::drifted_sums(db, tenant.id).await?.into_iter().map(|d| format!("{}: {d}", tenant.slug)));
        }
        Ok(found)
    }

    /// The controlling dashboard of `year` (steering group and administration): the budget per module, every
    /// year's money, the year's burn-down, each post's funding against what its reports say it spent and
    /// what was paid, and the districts' coverage with their report compliance.
    pub async fn dashboard(
        actor: &Actor,
        year: Option<i32>,
        now: DateTime<Utc>,
    ) -> Result<model::controlling::DashboardView, AppError> {
        actor.check(Permission::ReadLedger)?;
        let today = now.with_timezone(&model::datetime::time_zone("Europe/Berlin")).date_naive();
        let year = year_of(year.unwrap_or(today.year()))?;
        actor
            .derived("dashboard", year, now, || async {
                // Only the year's reports count: only they are read.
                let filter = crate::reports::ops::Filter { year: Some(year), ..Default::default() };
                let listing = crate::reports::ops::listing(actor, filter, now).await?;
                let figures = crate::reports::ops::figure_inputs(actor, &listing.reports).await?;
                dashboard_of(actor, year, &listing, &figures, now).await
            })
            .await
    }

    /// The dashboard of `year` from the report list already read (`listing`, from `reports::ops::listing`,
    /// with the posts and names it read) and the figures of at least that year's reports, so that the
    /// committee report reads each once.
    async fn dashboard_of(
        actor: &Actor,
        year: i32,
        listing: &crate::reports::ops::Listing,
        figures: &[model::report::totals::FigureInput],
        now: DateTime<Utc>,
    ) -> Result<model::controlling::DashboardView, AppError> {
        use model::controlling::{PostFacts, PostMoney, burn_down, coverage, history};
        let today = now.with_timezone(&model::datetime::time_zone("Europe/Berlin")).date_naive();
        let db = &actor.server.db;
        let scope = &actor.tenant;
        let lines = store::totals(db, scope, None).await?;
        let closings = store::closings(db, scope).await?;
        let mut years: BTreeSet<i32> = lines.keys().map(|l| l.year).collect();
        years.insert(today.year());
        let closed = |y: i32| model::ledger::is_closed(y, &closings);
        let budget = budget_view(year, closed(year), &lines);
        let burn = burn_down(&store::dated_rows(db, scope, year).await?, year, today);
        let programme = store::programmes(db, scope).await?.into_iter().next();

        let awards = crate::store::awards::funded(db, scope).await?;
        let paid = store::disbursed_by_award(db, scope).await?;
        let mut spent: HashMap<Uuid, Money> = HashMap::new();
        for input in figures.iter().filter(|input| input.period_start.year() == year) {
            let sum = spent.entry(input.post_id).or_default();
            *sum = *sum + input.figures.money_spent;
        }
        let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| AppError::internal("year start"))?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| AppError::internal("year end"))?;
        let runs = |starts_on: NaiveDate, ends_on: Option<NaiveDate>| starts_on <= last && ends_on.is_none_or(|e| e >= first);
        let posts: Vec<PostMoney> = awards
            .iter()
            .filter(|a| runs(a.starts_on, a.ends_on))
            .map(|a| PostMoney {
                award_id: a.id,
                module: a.kind.module(),
                district: a.district_id.and_then(|d| listing.districts.get(&d).cloned()),
                organisation: listing.organisations.get(&a.organisation_id).cloned().unwrap_or_default(),
                funded: a.funding.iter().find(|f| f.year == year).map(|f| f.amount).unwrap_or_default(),
                spent: spent.get(&a.id).copied().unwrap_or_default(),
                disbursed: paid.get(&(a.id, year)).copied().unwrap_or_default(),
            })
            .collect();

        let award_of: HashMap<Uuid, &crate::store::awards::Funded> = awards.iter().map(|a| (a.id, a)).collect();
        let facts: Vec<PostFacts> = listing
            .posts
            .iter()
            .filter_map(|post| {
                let award = award_of.get(&post.id)?;
                Some(PostFacts {
                    district_id: post.district_id?,
                    fte: award.fte.value(),
                    running: runs(post.starts_on, post.ends_on),
                    staffed: !post.coordinators.is_empty(),
                })
            })
            .collect();
        let districts: Vec<(Uuid, String)> = crate::store::districts::list_active(db, scope)
            .await?
            .into_iter()
            .map(|d| (d.id, String::from(d.name)))
            .collect();
        let standing = model::report::compliance::ComplianceView::build(&listing.reports, Some(year), now);
        let compliance: Vec<_> = standing.entries.iter().map(|e| (e.district.clone(), e.status)).collect();

        Ok(model::controlling::DashboardView {
            year,
            years: years.into_iter().collect(),
            programme: programme.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
            programme_reference: programme.map(|p| p.reference).unwrap_or_default(),
            budget,
            history: history(&lines, closed),
            burn_down: burn,
            posts,
            districts: coverage(&districts, &facts, &compliance),
        })
    }

    /// The yearly committee report of `year` as data (steering group and administration): the year's
    /// dashboard, the figures of the reports per district and the steering group's text.
    pub async fn committee_report(
        actor: &Actor,
        year: i32,
        now: DateTime<Utc>,
    ) -> Result<model::controlling::CommitteeReportView, AppError> {
        actor.check(Permission::ReadLedger)?;
        let year = year_of(year)?;
        actor
            .derived("committee report", year, now, || async {
                // One reading of the year's reports and their figures serves the dashboard and the figures
                // per district; a city's other years are not read.
                let filter = crate::reports::ops::Filter { year: Some(year), ..Default::default() };
                let listing = crate::reports::ops::listing(actor, filter, now).await?;
                let inputs = crate::reports::ops::figure_inputs(actor, &listing.reports).await?;
                let dashboard = dashboard_of(actor, year, &listing, &inputs, now).await?;
                let figures = model::report::totals::FiguresView::build(&inputs, Some(year));
                let text = crate::store::committee::text(&actor.server.db, &actor.tenant, year).await?;
                let resolutions = if actor.holds(Permission::ReadSteering) {
                    let filter =
                        model::steering::view::ResolutionFilter { year: Some(year), ..Default::default() };
                    let mut rows = crate::steering::ops::register(actor, &filter).await?;
                    rows.reverse();
                    rows
                } else {
                    Vec::new()
                };
                Ok(model::controlling::CommitteeReportView { year, text, dashboard, figures, resolutions })
            })
            .await
    }

    /// The report as a document, in `locale`: what the page shows and the PDF and spreadsheets are made of.
    pub async fn committee_document(
        actor: &Actor,
        year: i32,
        locale: model::Locale,
        now: DateTime<Utc>,
    ) -> Result<crate::documents::Document, AppError> {
        let view = committee_report(actor, year, now).await?;
        let context = crate::documents::committee_report::Context {
            tenant_name: &actor.tenant.view().name,
            locale,
            zone: model::datetime::DEFAULT_TIME_ZONE,
            at: now,
        };
        Ok(crate::documents::committee_report::build(&view, &context))
    }

    /// The forms of the report as a file.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum CommitteeFile {
        Pdf,
        Xlsx,
        Csv,
    }

    impl CommitteeFile {
        /// Reads `2019.pdf` into the year and the form (`None` for the plain year: the data).
        pub fn parse(text: &str) -> Option<(i32, Option<CommitteeFile>)> {
            let (year, form) = match text.split_once('.') {
                Some((year, "pdf")) => (year, Some(CommitteeFile::Pdf)),
                Some((year, "xlsx")) => (year, Some(CommitteeFile::Xlsx)),
                Some((year, "csv")) => (year, Some(CommitteeFile::Csv)),
                Some(_) => return None,
                None => (text, None),
            };
            Some((year.parse().ok()?, form))
        }
    }

    /// The report of `year` as a file: its bytes, media type and file name.
    pub async fn committee_file(
        actor: &Actor,
        year: i32,
        file: CommitteeFile,
        locale: model::Locale,
        now: DateTime<Utc>,
    ) -> Result<(Vec<u8>, &'static str, String), AppError> {
        let document = committee_document(actor, year, locale, now).await?;
        let name = format!("jahresbericht-{year}");
        Ok(match file {
            CommitteeFile::Pdf => {
                let bytes = crate::documents::pdf::render(&document, now).map_err(AppError::internal)?;
                (bytes, "application/pdf", format!("{name}.pdf"))
            }
            CommitteeFile::Xlsx => (
                crate::exports::document_xlsx(&document)?,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                format!("{name}.xlsx"),
            ),
            CommitteeFile::Csv => {
                (crate::exports::document_csv(&document, locale)?, "text/csv; charset=utf-8", format!("{name}.csv"))
            }
        })
    }

    /// The steering group's text of `year` (for its form).
    pub async fn committee_text(actor: &Actor, year: i32) -> Result<model::controlling::CommitteeText, AppError> {
        actor.check(Permission::ReadLedger)?;
        crate::store::committee::text(&actor.server.db, &actor.tenant, year_of(year)?).await
    }

    /// Writes the steering group's narrative and notable measures of `year` (a member of the steering
    /// group). Audited with what was there before.
    pub async fn save_committee_text(
        actor: &Actor,
        year: i32,
        text: model::controlling::CommitteeText,
        now: DateTime<Utc>,
    ) -> Result<model::controlling::CommitteeText, AppError> {
        use model::controlling::MAX_COMMITTEE_TEXT_CHARS;
        actor.check(Permission::WriteCommitteeReport)?;
        let year = year_of(year)?;
        for (field, value) in [("narrative", &text.narrative), ("measures", &text.measures)] {
            if value.chars().count() > MAX_COMMITTEE_TEXT_CHARS {
                return Err(AppError::invalid(field, crate::InvalidReason::TooLong));
            }
        }
        let text = model::controlling::CommitteeText {
            narrative: text.narrative.trim().replace("\r\n", "\n"),
            measures: text.measures.trim().replace("\r\n", "\n"),
        };
        let txn = actor.server.db.begin().await?;
        let before = crate::store::committee::text(&txn, &actor.tenant, year).await?;
        crate::store::committee::save(&txn, &actor.tenant, year, &text, actor.caller().user_id, now).await?;
        let json = |t: &model::controlling::CommitteeText| serde_json::json!({"narrative": t.narrative, "measures": t.measures});
        actor.audit(&txn, "committee_report.text_saved", "committee_report", year, Some(json(&before)), Some(json(&text))).await?;
        txn.commit().await?;
        Ok(text)
    }

    /// The name a form field has for people, for the import's per-row messages.
    fn field_label(field: &str, locale: model::Locale) -> &'static str {
        use crate::i18n::{Key, text};
        let key = match field {
            "kind" => Key::LedgerKind,
            "module" => Key::BudgetModule,
            "year" => Key::BudgetYear,
            "amount" => Key::LedgerAmount,
            "booked_on" => Key::LedgerBookedOn,
            "reference" => Key::LedgerReference,
            "award_id" => Key::LedgerFor,
            _ => Key::LedgerNote,
        };
        text(locale, key)
    }

    /// How finance systems name a kind or a module, in German or English.
    fn canonical(value: &str) -> String {
        match value.trim().to_lowercase().as_str() {
            "veranschlagung" | "ansatz" | "haushaltsansatz" | "appropriation" => "appropriation".to_owned(),
            "auszahlung" | "zahlung" | "disbursement" | "payment" => "disbursement".to_owned(),
            "praxismodul" | "praxis" | "practice" => "practice".to_owned(),
            "steuerungsmodul" | "steuerung" | "steering" => "steering".to_owned(),
            other => other.to_owned(),
        }
    }

    /// The award a payment row names: its id, the district of a post, or (for the steering module) the
    /// steering contract or its carrier — whichever runs on the day of payment.
    fn match_award(
        awards: &[model::award::PostView],
        named: &str,
        module: &str,
        day: Option<NaiveDate>,
    ) -> Result<(Uuid, String), String> {
        let label = |a: &model::award::PostView| match &a.district_name {
            Some(district) => format!("{district} – {}", a.organisation_name),
            None => a.organisation_name.clone(),
        };
        if let Ok(id) = Uuid::parse_str(named.trim()) {
            return awards.iter().find(|a| a.id == id).map(|a| (a.id, label(a))).ok_or_else(|| named.to_owned());
        }
        let wanted = named.trim().to_lowercase();
        let runs = |a: &&model::award::PostView| {
            day.is_none_or(|d| a.starts_on <= d && a.ends_on.is_none_or(|end| d <= end))
        };
        let found: Vec<&model::award::PostView> = awards
            .iter()
            .filter(runs)
            .filter(|a| match module {
                "steering" => {
                    a.kind == model::award::AwardKind::Steering
                        && (wanted.is_empty() || a.organisation_name.to_lowercase() == wanted)
                }
                _ => a.district_name.as_ref().is_some_and(|d| d.to_lowercase() == wanted),
            })
            .collect();
        match found.as_slice() {
            [one] => Ok((one.id, label(one))),
            _ => Err(named.to_owned()),
        }
    }

    /// Imports budgets and payments from a finance system's CSV (administration): a header row naming the
    /// columns in German or English (Art, Modul, Haushaltsjahr, Betrag, Datum, Aktenzeichen, Stelle,
    /// Vermerk), `;` or `,` as separator, amounts and days as people write them. Every row is checked by
    /// booking it, in order, in one transaction; the rows are kept only with `commit` and only when no row
    /// has a problem — otherwise nothing is booked and each row says what is wrong with it.
    pub async fn import(
        actor: &Actor,
        csv_text: &str,
        commit: bool,
        locale: model::Locale,
        now: DateTime<Utc>,
    ) -> Result<model::ledger::ImportView, AppError> {
        use crate::InvalidReason::{Malformed, Required, TooLong};
        use model::ledger::{ImportRow, ImportView, MAX_IMPORT_ROWS};
        actor.check(Permission::WriteLedger)?;
        let text = csv_text.trim_start_matches('\u{feff}');
        let first = text.lines().next().unwrap_or_default();
        let delimiter = if first.contains(';') {
            b';'
        } else if first.contains('\t') {
            b'\t'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|_| AppError::invalid("csv", Malformed))?
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let column = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
        let kind = column(&["art", "buchungsart", "kind"]);
        let module = column(&["modul", "module"]);
        let year = column(&["haushaltsjahr", "jahr", "year"]);
        let amount = column(&["betrag", "betrag (eur)", "amount"]);
        let booked_on = column(&["datum", "buchungsdatum", "date", "booked_on"]);
        let reference = column(&["aktenzeichen", "referenz", "beleg", "reference"]);
        let award = column(&["stelle", "sozialraum", "für", "award", "award_id"]);
        let note = column(&["vermerk", "bemerkung", "note"]);
        if [kind, module, year, amount, booked_on].iter().any(Option::is_none) {
            return Err(AppError::invalid("csv", Required));
        }
        let records: Vec<csv::StringRecord> =
            reader.records().collect::<Result<_, _>>().map_err(|_| AppError::invalid("csv", Malformed))?;
        if records.is_empty() {
            return Err(AppError::invalid("csv", Required));
        }
        if records.len() > MAX_IMPORT_ROWS {
            return Err(AppError::invalid("csv", TooLong));
        }
        let awards = crate::store::awards::posts(&actor.server.db, &actor.tenant).await?;
        let txn = actor.server.db.begin().await?;
        let mut rows = Vec::with_capacity(records.len());
        for (index, record) in records.iter().enumerate() {
            let cell = |col: Option<usize>| col.and_then(|c| record.get(c)).unwrap_or_default().to_owned();
            let mut form = EntryForm {
                kind: canonical(&cell(kind)),
                module: canonical(&cell(module)),
                year: cell(year),
                amount: cell(amount),
                booked_on: cell(booked_on),
                reference: cell(reference),
                note: cell(note),
                ..EntryForm::default()
            };
            let day = model::datetime::parse_day(&form.booked_on);
            let mut row = ImportRow {
                line: index + 2,
                kind: EntryKind::parse(&form.kind),
                module: Module::parse(&form.module),
                year: form.year.trim().parse().ok(),
                amount: Money::parse(&form.amount).ok(),
                booked_on: day,
                reference: form.reference.clone(),
                award: None,
                error: None,
            };
            let matched = if form.kind == "disbursement" {
                match match_award(&awards, &cell(award), &form.module, day) {
                    Ok((id, label)) => {
                        form.award_id = id.to_string();
                        row.award = Some(label);
                        Ok(())
                    }
                    Err(named) => Err(crate::i18n::msg::import_no_award(
                        locale,
                        crate::i18n::msg::ImportNoAward { named: &named },
                    )),
                }
            } else {
                Ok(())
            };
            let booked = match matched {
                Err(message) => Err(message),
                Ok(()) => match form.posting() {
                    Ok(posting) => post_in(&txn, actor, posting, now).await.map(|_| ()),
                    Err(error) => Err(error),
                }
                .map_err(|error| match &error {
                    AppError::Invalid { field, reason } => format!(
                        "{}: {}",
                        field_label(field, locale),
                        crate::i18n::text(locale, crate::components::reason_key(*reason))
                    ),
                    other => crate::error::message(locale, other),
                }),
            };
            row.error = booked.err();
            rows.push(row);
        }
        let errors = rows.iter().filter(|r| r.error.is_some()).count();
        let committed = commit && errors == 0;
        if committed {
            txn.commit().await?;
        } else {
            txn.rollback().await?;
        }
        Ok(ImportView { rows, errors, committed })
    }

    /// What the caller has to do in controlling, for the home page: the administration closes last year
    /// once it has ended; the steering group writes last year's committee report. Nothing for others.
    pub async fn tasks(actor: &Actor, now: DateTime<Utc>) -> Result<model::controlling::ControllingTasks, AppError> {
        let mut tasks = model::controlling::ControllingTasks::default();
        let last = now.with_timezone(&model::datetime::time_zone("Europe/Berlin")).year() - 1;
        let db = &actor.server.db;
        if actor.holds(Permission::WriteLedger) {
            let closed = model::ledger::is_closed(last, &store::closings(db, &actor.tenant).await?);
            if !closed && store::years(db, &actor.tenant).await?.contains(&last) {
                tasks.year_to_close = Some(last);
            }
        }
        if actor.holds(Permission::WriteCommitteeReport) {
            let text = crate::store::committee::text(db, &actor.tenant, last).await?;
            if text.narrative.trim().is_empty() {
                tasks.report_text_missing = Some(last);
            }
        }
        Ok(tasks)
    }
}

use crate::AppError;

/// The controlling dashboard of a year (see [`ops::dashboard`]).
#[leptos::server(prefix = "/fn", endpoint = "controlling_dashboard")]
pub async fn controlling_dashboard(year: Option<i32>) -> Result<model::controlling::DashboardView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ReadLedger).await?;
            ops::dashboard(&actor, year, chrono::Utc::now()).await
        }
        .await,
    )
}

/// A page of the ledger (see [`ops::ledger`]), with the years there are.
#[leptos::server(prefix = "/fn", endpoint = "ledger_entries")]
pub async fn ledger_entries(
    year: Option<i32>,
    kind: Option<String>,
    page: Option<u64>,
) -> Result<(model::ledger::LedgerPage, Vec<i32>), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ReadLedger).await?;
            let now = chrono::Utc::now();
            let entries = ops::ledger(&actor, ops::Filter { year, kind, award: None, page }).await?;
            Ok((entries, ops::years(&actor, now).await?))
        }
        .await,
    )
}

/// Adds a ledger row from the ledger page's form (administration): `kind` is `appropriation`,
/// `disbursement` or `correction`; the fields each needs as in [`model::ledger::Posting`], amounts as people
/// type them (`1.234,50`).
#[leptos::server(prefix = "/fn", endpoint = "add_ledger_entry")]
pub async fn add_ledger_entry(
    kind: String,
    #[server(default)] module: String,
    #[server(default)] year: String,
    #[server(default)] amount: String,
    #[server(default)] booked_on: String,
    #[server(default)] reference: String,
    #[server(default)] award_id: String,
    #[server(default)] reverses: String,
    #[server(default)] note: String,
) -> Result<model::ledger::EntryView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::WriteLedger).await?;
            let form = ops::EntryForm { kind, module, year, amount, booked_on, reference, award_id, reverses, note };
            ops::post(&actor, form.posting()?, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Closes a budget year (administration; see [`ops::close_year`]).
#[leptos::server(prefix = "/fn", endpoint = "close_budget_year")]
pub async fn close_budget_year(year: i32) -> Result<model::ledger::ClosingView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::WriteLedger).await?;
            Ok(ops::close_year(&actor, year, chrono::Utc::now()).await?.0)
        }
        .await,
    )
}

/// The request's language, for documents.
#[cfg(feature = "ssr")]
fn request_locale() -> model::Locale {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<model::Locale>().copied())
        .unwrap_or_default()
}

/// The yearly committee report of a year as a document, for its page (see [`ops::committee_document`]), with
/// the years there are.
#[leptos::server(prefix = "/fn", endpoint = "committee_report")]
pub async fn committee_report(year: i32) -> Result<(crate::documents::Document, Vec<i32>), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ReadLedger).await?;
            let now = chrono::Utc::now();
            Ok((ops::committee_document(&actor, year, request_locale(), now).await?, ops::years(&actor, now).await?))
        }
        .await,
    )
}

/// The steering group's text of a year, for its form (its writers only: the report shows it to its readers).
#[leptos::server(prefix = "/fn", endpoint = "committee_text")]
pub async fn committee_text(year: i32) -> Result<model::controlling::CommitteeText, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::WriteCommitteeReport).await?;
            ops::committee_text(&actor, year).await
        }
        .await,
    )
}

/// Saves the steering group's text of a year (see [`ops::save_committee_text`]).
#[leptos::server(prefix = "/fn", endpoint = "save_committee_text")]
pub async fn save_committee_text(
    year: i32,
    #[server(default)] narrative: String,
    #[server(default)] measures: String,
) -> Result<model::controlling::CommitteeText, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::WriteCommitteeReport).await?;
            let text = model::controlling::CommitteeText { narrative, measures };
            ops::save_committee_text(&actor, year, text, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Checks (and with `commit`, books) a CSV of budgets and payments (see [`ops::import`]).
#[leptos::server(prefix = "/fn", endpoint = "import_ledger")]
pub async fn import_ledger(csv: String, #[server(default)] commit: Option<String>) -> Result<model::ledger::ImportView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::WriteLedger).await?;
            let commit = commit.is_some_and(|c| c == "true");
            ops::import(&actor, &csv, commit, request_locale(), chrono::Utc::now()).await
        }
        .await,
    )
}

/// The caller's work in controlling, for the home page (nothing for a visitor or other roles).
#[leptos::server(prefix = "/fn", endpoint = "controlling_tasks")]
pub async fn controlling_tasks() -> Result<model::controlling::ControllingTasks, AppError> {
    crate::error::respond(
        async move {
            match crate::actor::Actor::signed_in().await {
                Ok(actor) => ops::tasks(&actor, chrono::Utc::now()).await,
                Err(AppError::Unauthenticated) => Ok(model::controlling::ControllingTasks::default()),
                Err(err) => Err(err),
            }
        }
        .await,
    )
}
