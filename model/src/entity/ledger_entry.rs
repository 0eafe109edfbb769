use sea_orm::entity::prelude::*;

/// One row of the append-only ledger (`model::ledger`). Inserted only; the database refuses updates and deletes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub programme: String,
    pub module: String,
    pub year: i32,
    pub kind: String,
    pub amount_cents: i64,
    pub reverses: Option<Uuid>,
    pub award_id: Option<Uuid>,
    pub booked_on: Date,
    pub reference: String,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
