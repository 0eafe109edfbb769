use sea_orm::entity::prelude::*;

/// The steering group's recommendation for one lot; see [`crate::award`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recommendations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub call_id: Uuid,
    pub lot_id: Uuid,
    pub bid_id: Option<Uuid>,
    /// JSON: budget year → amount.
    #[sea_orm(column_type = "Text")]
    pub amounts: String,
    pub fte: String,
    #[sea_orm(column_type = "Text")]
    pub reasoning: String,
    pub recorded_by: Uuid,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
