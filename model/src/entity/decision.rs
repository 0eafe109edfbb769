use sea_orm::entity::prelude::*;

/// The youth welfare committee's decision on one bid; see [`crate::award`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub call_id: Uuid,
    pub lot_id: Uuid,
    pub bid_id: Uuid,
    pub session_date: Date,
    pub resolution_number: String,
    pub awarded: bool,
    /// JSON: budget year → amount.
    #[sea_orm(column_type = "Text")]
    pub amounts: String,
    #[sea_orm(column_type = "Text")]
    pub conditions: String,
    pub recorded_by: Uuid,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
