//! The list of a tenant's districts, read through a server function so that client-side navigation fetches it
//! from the server just like the first render does.

use crate::AppError;
use crate::components::{CurrentTenant, ErrorNotice};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use model::{DistrictKind, DistrictView};

#[leptos::server(prefix = "/fn", endpoint = "districts")]
pub async fn list_districts(tenant: String) -> Result<Vec<DistrictView>, AppError> {
    let visitor = crate::actor::Visitor::current()?;
    let scope = visitor.tenant(&tenant).await?;
    crate::store::districts::list_active(&visitor.server.db, &scope).await
}

#[component]
pub fn DistrictsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let districts = Resource::new(move || slug.clone(), list_districts);
    let tenant_name = tenant.name.clone();
    view! {
        <Title text=crate::components::page_title(move || format!("{} – {} – Spielraum", i18n.t(Key::DistrictsTitle), tenant_name)) />
        <h1>{move || i18n.t(Key::DistrictsTitle)}</h1>
        <p>{move || i18n.t(Key::DistrictsIntro)}</p>
        <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match districts.await {
                    Ok(list) if list.is_empty() => view! { <p>{move || i18n.t(Key::DistrictsEmpty)}</p> }.into_any(),
                    Ok(list) => view! { <DistrictTable districts=list /> }.into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DistrictTable(districts: Vec<DistrictView>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <table class="table" id="district-list">
            <caption class="visually-hidden">{move || i18n.t(Key::DistrictsTitle)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Key::DistrictNumber)}</th>
                    <th scope="col">{move || i18n.t(Key::DistrictName)}</th>
                    <th scope="col">{move || i18n.t(Key::DistrictKind)}</th>
                </tr>
            </thead>
            <tbody>
                {districts.into_iter().enumerate().map(|(index, district)| {
                    let kind = match district.kind {
                        DistrictKind::CityDistrict => Key::KindCityDistrict,
                        DistrictKind::Villages => Key::KindVillages,
                    };
                    view! {
                        <tr>
                            <td>{index + 1}</td>
                            <th scope="row">{district.name.as_str().to_owned()}</th>
                            <td>{move || i18n.t(kind)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
