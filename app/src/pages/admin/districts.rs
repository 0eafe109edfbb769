use crate::AppError;
use crate::admin::districts::{
    AdminDistrict, CreateDistrict, MoveDistrict, RenameDistrict, RetireDistrict, admin_districts,
};
use crate::components::{ErrorNotice, Field, Protected, SelectField, error_text, general_error};
use crate::i18n::{I18n, Key};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use model::{DistrictKind, Permission};

#[derive(Clone, Copy)]
struct Actions {
    rename: ServerAction<RenameDistrict>,
    move_: ServerAction<MoveDistrict>,
    retire: ServerAction<RetireDistrict>,
}

/// Resources and actions are made outside `Protected` (see `UsersPage`).
#[component]
pub fn DistrictsAdminPage() -> impl IntoView {
    let i18n = I18n::expect();
    let create = ServerAction::<CreateDistrict>::new();
    let actions = Actions {
        rename: ServerAction::<RenameDistrict>::new(),
        move_: ServerAction::<MoveDistrict>::new(),
        retire: ServerAction::<RetireDistrict>::new(),
    };
    let versions = move || {
        (
            create.version().get(),
            actions.rename.version().get(),
            actions.move_.version().get(),
            actions.retire.version().get(),
        )
    };
    let districts = Resource::new(versions, |_| admin_districts());
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminDistricts))) />
        <Protected permission=Permission::ManageDistricts>
            <DistrictsContent create actions districts />
        </Protected>
    }
}

#[component]
fn DistrictsContent(
    create: ServerAction<CreateDistrict>,
    actions: Actions,
    districts: Resource<Result<Vec<AdminDistrict>, AppError>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let rename_error = Signal::derive(move || actions.rename.value().get().and_then(Result::err));
    let create_error = Signal::derive(move || create.value().get().and_then(Result::err));
    let kind_options = Signal::derive(move || {
        vec![
            (DistrictKind::CityDistrict.as_str().to_owned(), i18n.t(Key::KindCityDistrict).to_owned()),
            (DistrictKind::Villages.as_str().to_owned(), i18n.t(Key::KindVillages).to_owned()),
        ]
    });
    view! {
        <h1>{move || i18n.t(Key::AdminDistricts)}</h1>
        <p>{move || i18n.t(Key::DistrictsAdminIntro)}</p>
        <div role="alert">
            {move || rename_error.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
        </div>
        <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match districts.await {
                    Ok(list) => view! {
                        <table class="table" id="admin-district-list">
                            <caption class="visually-hidden">{move || i18n.t(Key::AdminDistricts)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || i18n.t(Key::DistrictName)}</th>
                                    <th scope="col">{move || i18n.t(Key::DistrictKind)}</th>
                                    <th scope="col">{move || i18n.t(Key::StatusLabel)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|district| view! { <DistrictRow district actions /> }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
        <section class="card" aria-labelledby="new-district-heading">
            <h2 id="new-district-heading">{move || i18n.t(Key::NewDistrictTitle)}</h2>
            <div role="alert">
                {move || general_error(i18n.locale(), create_error.get())
                    .map(|text| view! { <p class="notice notice--error">{text}</p> })}
            </div>
            <ActionForm action=create attr:class="form" attr:novalidate=true>
                <Field name="name" label=Key::DistrictName required=true error=create_error />
                <SelectField name="kind" label=Key::DistrictKind options=kind_options error=create_error />
                <button type="submit" class="button">{move || i18n.t(Key::AddButton)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DistrictRow(district: AdminDistrict, actions: Actions) -> impl IntoView {
    let i18n = I18n::expect();
    let id = district.id;
    let kind = match district.kind {
        DistrictKind::CityDistrict => Key::KindCityDistrict,
        DistrictKind::Villages => Key::KindVillages,
    };
    let retired = district.retired;
    let input_id = format!("rename-{}", district.id);
    view! {
        <tr>
            <th scope="row">
                <ActionForm action=actions.rename attr:class="inline-form">
                    <input type="hidden" name="district" value=id.to_string() />
                    <label class="visually-hidden" for=input_id.clone()>{move || i18n.t(Key::DistrictName)}</label>
                    <input id=input_id name="name" value=district.name.clone() class="inline-input" />
                    <button type="submit" class="button button--small">{move || i18n.t(Key::RenameButton)}</button>
                </ActionForm>
            </th>
            <td>{move || i18n.t(kind)}</td>
            <td>
                {move || if retired { i18n.t(Key::StatusRetired) } else { i18n.t(Key::StatusActive) }}
                <div class="row-actions">
                    <ActionForm action=actions.move_ attr:class="inline-form">
                        <input type="hidden" name="district" value=id.to_string() />
                        <button type="submit" name="direction" value="up" class="button button--small">
                            {move || i18n.t(Key::MoveUp)}
                        </button>
                    </ActionForm>
                    <ActionForm action=actions.move_ attr:class="inline-form">
                        <input type="hidden" name="district" value=id.to_string() />
                        <button type="submit" name="direction" value="down" class="button button--small">
                            {move || i18n.t(Key::MoveDown)}
                        </button>
                    </ActionForm>
                    <ActionForm action=actions.retire attr:class="inline-form">
                        <input type="hidden" name="district" value=id.to_string() />
                        <input type="hidden" name="retired" value=(!retired).to_string() />
                        <button type="submit" class="button button--small">
                            {move || i18n.t(if retired { Key::ReinstateButton } else { Key::RetireButton })}
                        </button>
                    </ActionForm>
                </div>
            </td>
        </tr>
    }
}
