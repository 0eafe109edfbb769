//! The ledger, the closings of budget years and the programmes (server only; issue 14).
//!
//! Every function takes the tenant's scope and decides nothing: the rules are `model::ledger`'s, asked by
//! `app::controlling::ops` inside one transaction per request. Rows are only ever inserted. Sums are read
//! from `ledger_sums`, which a trigger keeps as rows are booked (migration 18), so an overview reads a few
//! rows per line however long the ledger.

use super::TenantScope;
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use model::call::Module;
use model::entity::{budget_closing, ledger_entry, ledger_sum, programme};
use model::ledger::{EntryKind, Line, LineFacts, Totals};
use model::Money;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Makes the tenant's first programme (when the tenant is created).
pub async fn create_programme(
    db: &impl ConnectionTrait,
    tenant: Uuid,
    name: &str,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    programme::Entity::insert(programme::ActiveModel {
        tenant_id: Set(tenant),
        code: Set(model::ledger::DEFAULT_PROGRAMME.to_owned()),
        name: Set(name.to_owned()),
        reference: Set(reference.to_owned()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Names the tenant's first programme and the decision that set it up.
pub async fn describe_programme(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    name: &str,
    reference: &str,
) -> Result<(), AppError> {
    let code = programme(db, scope, None).await?;
    programme::Entity::update_many()
        .col_expr(programme::Column::Name, Expr::value(name))
        .col_expr(programme::Column::Reference, Expr::value(reference))
        .filter(programme::Column::TenantId.eq(scope.id()))
        .filter(programme::Column::Code.eq(code))
        .exec(db)
        .await?;
    Ok(())
}

/// The tenant's programmes, oldest first.
pub async fn programmes(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<programme::Model>, AppError> {
    Ok(programme::Entity::find()
        .filter(programme::Column::TenantId.eq(scope.id()))
        .order_by_asc(programme::Column::CreatedAt)
        .order_by_asc(programme::Column::Code)
        .all(db)
        .await?)
}

/// The programme an entry without one goes to (the tenant's first), or the named one if the tenant has it.
pub async fn programme(db: &impl ConnectionTrait, scope: &TenantScope, code: Option<&str>) -> Result<String, AppError> {
    let all = programmes(db, scope).await?;
    let found = match code {
        Some(code) => all.into_iter().find(|p| p.code == code),
        None => all.into_iter().next(),
    };
    found.map(|p| p.code).ok_or_else(|| AppError::invalid("programme", crate::InvalidReason::Malformed))
}

/// Takes the tenant's ledger lock for the rest of the transaction: a no-op write on its programmes
/// (PostgreSQL locks the rows, SQLite the database). Entries of one tenant thus queue up, so two payments
/// cannot both pass the check of what is available.
pub async fn lock(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<(), AppError> {
    programme::Entity::update_many()
        .col_expr(programme::Column::Name, Expr::col(programme::Column::Name).into())
        .filter(programme::Column::TenantId.eq(scope.id()))
        .exec(db)
        .await?;
    Ok(())
}

/// When each closed year of the tenant was closed.
pub async fn closings(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<BTreeMap<i32, DateTime<Utc>>, AppError> {
    Ok(budget_closing::Entity::find()
        .filter(budget_closing::Column::TenantId.eq(scope.id()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.year, c.closed_at))
        .collect())
}

fn corrupt(what: &str, detail: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("ledger {what}: {detail}"))
}

/// The sums per line (of one year, or all), from the sums the database keeps.
pub async fn totals(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    year: Option<i32>,
) -> Result<BTreeMap<Line, Totals>, AppError> {
    let mut query = ledger_sum::Entity::find()
        .select_only()
        .column(ledger_sum::Column::Programme)
        .column(ledger_sum::Column::Module)
        .column(ledger_sum::Column::Year)
        .column(ledger_sum::Column::Kind)
        .column_as(Expr::cust("CAST(SUM(amount_cents) AS BIGINT)"), "cents")
        .filter(ledger_sum::Column::TenantId.eq(scope.id()))
        // The awards' rows of a line add up to the line (the key's order: no sort).
        .group_by(ledger_sum::Column::Programme)
        .group_by(ledger_sum::Column::Module)
        .group_by(ledger_sum::Column::Year)
        .group_by(ledger_sum::Column::Kind);
    if let Some(year) = year {
        query = query.filter(ledger_sum::Column::Year.eq(year));
    }
    let rows: Vec<(String, String, i32, String, i64)> = query.into_tuple().all(db).await?;
    let mut lines: BTreeMap<Line, Totals> = BTreeMap::new();
    for (programme, module, year, kind, cents) in rows {
        let module = Module::parse(&module).ok_or_else(|| corrupt("module", &module))?;
        let kind = EntryKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?;
        lines.entry(Line { programme, module, year }).or_default().add(kind, Money::from_cents(cents));
    }
    Ok(lines)
}

/// What the rules need to know of one line.
pub async fn line_facts(db: &impl ConnectionTrait, scope: &TenantScope, line: &Line) -> Result<LineFacts, AppError> {
    let closed = model::ledger::is_closed(line.year, &closings(db, scope).await?);
    let totals = totals(db, scope, Some(line.year)).await?.remove(line).unwrap_or_default();
    Ok(LineFacts { totals, closed })
}

/// A new row, as the operations build it.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub line: Line,
    pub kind: EntryKind,
    pub amount: Money,
    pub reverses: Option<Uuid>,
    pub award_id: Option<Uuid>,
    pub booked_on: NaiveDate,
    pub reference: String,
    pub note: String,
    pub created_by: Option<Uuid>,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    entry: NewEntry,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let id = Uuid::new_v4();
    let cents = entry.amount.cents().map_err(|_| AppError::invalid("amount", crate::InvalidReason::Malformed))?;
    ledger_entry::Entity::insert(ledger_entry::ActiveModel {
        id: Set(id),
        tenant_id: Set(scope.id()),
        programme: Set(entry.line.programme),
        module: Set(entry.line.module.as_str().to_owned()),
        year: Set(entry.line.year),
        kind: Set(entry.kind.as_str().to_owned()),
        amount_cents: Set(cents),
        reverses: Set(entry.reverses),
        award_id: Set(entry.award_id),
        booked_on: Set(entry.booked_on),
        reference: Set(entry.reference),
        note: Set(entry.note),
        created_by: Set(entry.created_by),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// Records the closing of a year.
pub async fn close(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    year: i32,
    user: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    budget_closing::Entity::insert(budget_closing::ActiveModel {
        tenant_id: Set(scope.id()),
        year: Set(year),
        closed_by: Set(user),
        closed_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The years that have entries: read from `ledger_sums`, which gains a row for every year an entry is
/// booked in (entries are never deleted), a few hundred rows where a city's entries are tens of thousands.
pub async fn years(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<i32>, AppError> {
    Ok(ledger_sum::Entity::find()
        .select_only()
        .column(ledger_sum::Column::Year)
        .distinct()
        .filter(ledger_sum::Column::TenantId.eq(scope.id()))
        .order_by_asc(ledger_sum::Column::Year)
        .into_tuple()
        .all(db)
        .await?)
}

/// One row of the tenant's ledger.
pub async fn entry(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<ledger_entry::Model, AppError> {
    ledger_entry::Entity::find()
        .filter(ledger_entry::Column::TenantId.eq(scope.id()))
        .filter(ledger_entry::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether a correction of the row exists.
pub async fn is_reversed(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<bool, AppError> {
    Ok(ledger_entry::Entity::find()
        .filter(ledger_entry::Column::TenantId.eq(scope.id()))
        .filter(ledger_entry::Column::Reverses.eq(id))
        .count(db)
        .await?
        > 0)
}

/// What a page of the ledger is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub year: Option<i32>,
    pub kind: Option<EntryKind>,
    pub award: Option<Uuid>,
}

/// A page of rows, newest first, with the number of all that match, and the corrections that reverse them.
pub async fn page(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    filter: &Filter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<ledger_entry::Model>, u64, BTreeMap<Uuid, Uuid>), AppError> {
    let mut query = ledger_entry::Entity::find().filter(ledger_entry::Column::TenantId.eq(scope.id()));
    if let Some(year) = filter.year {
        query = query.filter(ledger_entry::Column::Year.eq(year));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(ledger_entry::Column::Kind.eq(kind.as_str()));
    }
    if let Some(award) = filter.award {
        query = query.filter(ledger_entry::Column::AwardId.eq(award));
    }
    // COUNT(*) over the table itself: the paginator's count wraps the whole SELECT in a subquery, which
    // SQLite materialises row by row.
    let total: Option<i64> = query
        .clone()
        .select_only()
        .column_as(Expr::cust("COUNT(*)"), "total")
        .into_tuple()
        .one(db)
        .await?;
    let total = u64::try_from(total.unwrap_or(0)).unwrap_or(0);
    let rows = query
        .order_by_desc(ledger_entry::Column::BookedOn)
        .order_by_desc(ledger_entry::Column::CreatedAt)
        .order_by_asc(ledger_entry::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    let reversals: Vec<(Uuid, Option<Uuid>)> = ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::Id)
        .column(ledger_entry::Column::Reverses)
        .filter(ledger_entry::Column::TenantId.eq(scope.id()))
        .filter(ledger_entry::Column::Reverses.is_in(rows.iter().map(|r| r.id)))
        .into_tuple()
        .all(db)
        .await?;
    let reversed_by = reversals.into_iter().filter_map(|(id, target)| Some((target?, id))).collect();
    Ok((rows, total, reversed_by))
}

/// The money of one year that moves (commitments left out), summed per kind and day, for its burn-down: a
/// city's year has thousands of entries but a few hundred booking days.
pub async fn dated_rows(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    year: i32,
) -> Result<Vec<(EntryKind, NaiveDate, Money)>, AppError> {
    let rows: Vec<(String, NaiveDate, i64)> = ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::Kind)
        .column(ledger_entry::Column::BookedOn)
        .column_as(Expr::cust("CAST(SUM(amount_cents) AS BIGINT)"), "cents")
        .filter(ledger_entry::Column::TenantId.eq(scope.id()))
        .filter(ledger_entry::Column::Year.eq(year))
        .filter(ledger_entry::Column::Kind.ne(EntryKind::Commitment.as_str()))
        .group_by(ledger_entry::Column::Kind)
        .group_by(ledger_entry::Column::BookedOn)
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(kind, day, cents)| {
            let kind = EntryKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?;
            Ok((kind, day, Money::from_cents(cents)))
        })
        .collect()
}

/// Disbursed money per award and year (net of corrections).
pub async fn disbursed_by_award(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
) -> Result<BTreeMap<(Uuid, i32), Money>, AppError> {
    let rows: Vec<(Uuid, i32, i64)> = ledger_sum::Entity::find()
        .select_only()
        .column(ledger_sum::Column::AwardId)
        .column(ledger_sum::Column::Year)
        .column(ledger_sum::Column::AmountCents)
        .filter(ledger_sum::Column::TenantId.eq(scope.id()))
        .filter(ledger_sum::Column::Kind.eq(EntryKind::Disbursement.as_str()))
        .filter(ledger_sum::Column::AwardId.ne(Uuid::nil()))
        .into_tuple()
        .all(db)
        .await?;
    let mut sums: BTreeMap<(Uuid, i32), Money> = BTreeMap::new();
    // One award's payments can be booked to more than one programme or module.
    for (award, year, cents) in rows {
        let sum = sums.entry((award, year)).or_default();
        *sum = *sum + Money::from_cents(cents);
    }
    Ok(sums)
}

/// The programme an award's commitments went to (`None` for an award from before the ledger).
pub async fn programme_of_award(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    award: Uuid,
) -> Result<Option<String>, AppError> {
    Ok(ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::Programme)
        .filter(ledger_entry::Column::TenantId.eq(scope.id()))
        .filter(ledger_entry::Column::AwardId.eq(award))
        .filter(ledger_entry::Column::Kind.eq(EntryKind::Commitment.as_str()))
        .into_tuple()
        .one(db)
        .await?)
}

/// Every tenant's whole ledger and closings, for `server ledger check` (one tenant at a time).
pub async fn audit_rows(
    db: &impl ConnectionTrait,
    tenant: Uuid,
) -> Result<(Vec<model::ledger::Row>, BTreeMap<i32, DateTime<Utc>>), AppError> {
    let rows = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::TenantId.eq(tenant))
        .order_by_asc(ledger_entry::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(model::ledger::Row {
                id: row.id,
                line: Line {
                    programme: row.programme,
                    module: Module::parse(&row.module).ok_or_else(|| corrupt("module", &row.module))?,
                    year: row.year,
                },
                kind: EntryKind::parse(&row.kind).ok_or_else(|| corrupt("kind", &row.kind))?,
                amount: Money::from_cents(row.amount_cents),
                reverses: row.reverses,
                created_at: row.created_at,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let closings = budget_closing::Entity::find()
        .filter(budget_closing::Column::TenantId.eq(tenant))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.year, c.closed_at))
        .collect();
    Ok((rows, closings))
}

/// Where the sums the database keeps (`ledger_sums`) differ from the entries added up afresh, for `server
/// ledger check`: "line / kind (award): kept …, booked …". Empty when they agree.
pub async fn drifted_sums(db: &impl ConnectionTrait, tenant: Uuid) -> Result<Vec<String>, AppError> {
    type Key = (String, String, i32, String, Uuid);
    let booked: Vec<(String, String, i32, String, Option<Uuid>, i64)> = ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::Programme)
        .column(ledger_entry::Column::Module)
        .column(ledger_entry::Column::Year)
        .column(ledger_entry::Column::Kind)
        .column(ledger_entry::Column::AwardId)
        .column_as(Expr::cust("CAST(SUM(amount_cents) AS BIGINT)"), "cents")
        .filter(ledger_entry::Column::TenantId.eq(tenant))
        .group_by(ledger_entry::Column::Programme)
        .group_by(ledger_entry::Column::Module)
        .group_by(ledger_entry::Column::Year)
        .group_by(ledger_entry::Column::Kind)
        .group_by(ledger_entry::Column::AwardId)
        .into_tuple()
        .all(db)
        .await?;
    let mut sums: BTreeMap<Key, (i64, i64)> = BTreeMap::new();
    for (programme, module, year, kind, award, cents) in booked {
        sums.entry((programme, module, year, kind, award.unwrap_or_default())).or_default().1 += cents;
    }
    for kept in ledger_sum::Entity::find().filter(ledger_sum::Column::TenantId.eq(tenant)).all(db).await? {
        let key = (kept.programme, kept.module, kept.year, kept.kind, kept.award_id);
        sums.entry(key).or_default().0 += kept.amount_cents;
    }
    Ok(sums
        .into_iter()
        .filter(|(_, (kept, booked))| kept != booked)
        .map(|((programme, module, year, kind, award), (kept, booked))| {
            let award = if award.is_nil() { String::new() } else { format!(" ({award})") };
            format!(
                "{programme} / {module} / {year} / {kind}{award}: kept sum {} differs from the entries' {}",
                Money::from_cents(kept),
                Money::from_cents(booked)
            )
        })
        .collect())
}
