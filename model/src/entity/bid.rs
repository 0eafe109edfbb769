use sea_orm::entity::prelude::*;

/// One organisation's bid for one lot: the working draft and where it stands; see [`crate::bid`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bids")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub call_id: Uuid,
    pub lot_id: Uuid,
    pub organisation_id: Uuid,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub draft: String,
    pub draft_saved_at: DateTimeUtc,
    pub draft_saved_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
