use sea_orm::entity::prelude::*;

/// A steering member's declaration about one bidding organisation of a call; see [`crate::evaluation`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "conflict_declarations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub call_id: Uuid,
    pub user_id: Uuid,
    pub organisation_id: Uuid,
    pub conflict: String,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub declared_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
