use super::TenantScope;
use crate::AppError;
use model::DistrictView;
use model::entity::district;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The tenant's active districts in the administration's order.
pub async fn list_active(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<DistrictView>, AppError> {
    let rows = district::Entity::find()
        .filter(district::Column::TenantId.eq(scope.id()))
        .filter(district::Column::RetiredAt.is_null())
        .order_by_asc(district::Column::Position)
        .order_by_asc(district::Column::Name)
        .all(db)
        .await?;
    rows.iter().map(|row| row.view().map_err(AppError::internal)).collect()
}

/// All districts of the tenant including retired ones, in order, for the administration.
pub async fn list_all(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<district::Model>, AppError> {
    Ok(district::Entity::find()
        .filter(district::Column::TenantId.eq(scope.id()))
        .order_by_asc(district::Column::Position)
        .order_by_asc(district::Column::Name)
        .all(db)
        .await?)
}

pub async fn find(db: &impl ConnectionTrait, scope: &TenantScope, id: uuid::Uuid) -> Result<district::Model, AppError> {
    district::Entity::find_by_id(id)
        .filter(district::Column::TenantId.eq(scope.id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn name_taken(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    name: &model::DistrictName,
    except: Option<uuid::Uuid>,
) -> Result<bool, AppError> {
    let mut query = district::Entity::find()
        .filter(district::Column::TenantId.eq(scope.id()))
        .filter(district::Column::Name.eq(name.as_str()));
    if let Some(id) = except {
        query = query.filter(district::Column::Id.ne(id));
    }
    Ok(query.one(db).await?.is_some())
}

pub fn check_name(name: &str) -> Result<model::DistrictName, AppError> {
    use model::district::DistrictNameError;
    model::DistrictName::parse(name).map_err(|e| {
        let reason = match e {
            DistrictNameError::Empty => crate::InvalidReason::Required,
            DistrictNameError::TooLong => crate::InvalidReason::TooLong,
        };
        AppError::invalid("name", reason)
    })
}

/// Adds a district at the end of the list.
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    name: &model::DistrictName,
    kind: model::DistrictKind,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<district::Model, AppError> {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    if name_taken(db, scope, name, None).await? {
        return Err(AppError::invalid("name", crate::InvalidReason::Taken));
    }
    let last = list_all(db, scope).await?.iter().map(|d| d.position).max().unwrap_or(0);
    Ok(district::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        name: Set(name.as_str().to_owned()),
        kind: Set(kind.as_str().to_owned()),
        position: Set(last + 1),
        retired_at: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?)
}

pub async fn rename(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: uuid::Uuid,
    name: &model::DistrictName,
) -> Result<(district::Model, district::Model), AppError> {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let before = find(db, scope, id).await?;
    if name_taken(db, scope, name, Some(id)).await? {
        return Err(AppError::invalid("name", crate::InvalidReason::Taken));
    }
    let mut model: district::ActiveModel = before.clone().into();
    model.name = Set(name.as_str().to_owned());
    Ok((before, model.update(db).await?))
}

/// Swaps a district with its neighbour above (`up`) or below; renumbers positions 1…n on the way.
pub async fn move_by_one(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: uuid::Uuid,
    up: bool,
) -> Result<(), AppError> {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let mut all = list_all(db, scope).await?;
    super::ordering::move_one(&mut all, |d| d.id == id, up).ok_or(AppError::NotFound)?;
    for (position, row) in (1..).zip(all) {
        if row.position != position {
            let mut model: district::ActiveModel = row.into();
            model.position = Set(position);
            model.update(db).await?;
        }
    }
    Ok(())
}

/// Retires (or brings back) a district: it disappears from lists and new calls, but stays for history.
pub async fn set_retired(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: uuid::Uuid,
    retired: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<district::Model, AppError> {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let row = find(db, scope, id).await?;
    let mut model: district::ActiveModel = row.into();
    model.retired_at = Set(retired.then_some(now));
    Ok(model.update(db).await?)
}

/// The districts a district contact is responsible for, in list order.
pub async fn of_contact(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    user_id: uuid::Uuid,
) -> Result<Vec<district::Model>, AppError> {
    use model::entity::district_contact;
    let ids: Vec<uuid::Uuid> = district_contact::Entity::find()
        .filter(district_contact::Column::TenantId.eq(scope.id()))
        .filter(district_contact::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| row.district_id)
        .collect();
    Ok(list_all(db, scope).await?.into_iter().filter(|d| ids.contains(&d.id)).collect())
}

/// Makes `districts` the ones `user_id` is responsible for. Every id must be a district of this tenant.
pub async fn set_contact_districts(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    user_id: uuid::Uuid,
    districts: &[uuid::Uuid],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    use model::entity::district_contact;
    use sea_orm::ActiveValue::Set;
    let known: Vec<uuid::Uuid> = list_all(db, scope).await?.into_iter().map(|d| d.id).collect();
    if districts.iter().any(|id| !known.contains(id)) {
        return Err(AppError::NotFound);
    }
    district_contact::Entity::delete_many()
        .filter(district_contact::Column::TenantId.eq(scope.id()))
        .filter(district_contact::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let mut unique = districts.to_vec();
    unique.sort();
    unique.dedup();
    for district_id in unique {
        district_contact::Entity::insert(district_contact::ActiveModel {
            tenant_id: Set(scope.id()),
            user_id: Set(user_id),
            district_id: Set(district_id),
            created_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}
