use sea_orm::entity::prelude::*;

/// How often a tenant's data has changed: moved by the database on every change (migration 23's triggers),
/// so that a view derived from the data can be kept while the version stays (`app::derived`). Read only.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenant_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    pub version: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
