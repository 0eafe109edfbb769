use sea_orm::entity::prelude::*;

/// One submitted version of a bid, never changed afterwards.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bid_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub bid_id: Uuid,
    pub number: i32,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub content_hash: String,
    pub submitted_at: DateTimeUtc,
    pub submitted_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
