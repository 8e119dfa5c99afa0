package id.lapak.team;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.identity.InvalidRequestException;
import id.lapak.identity.Invitation;
import id.lapak.identity.KeycloakUnavailableException;
import id.lapak.identity.TeamChangeRefused;
import id.lapak.identity.TeamMember;
import id.lapak.identity.TeamService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.ui.TemporaryPasswordDialog;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/** The tenant's people: invite, change role and stores, disable or enable, send a new invitation. */
@Route("users")
@PageTitle("Lapak · Users")
@RolesAllowed("MERCHANT_ADMIN")
class UsersView extends VerticalLayout {

    private static final List<Role> TEAM_ROLES = List.of(Role.MERCHANT_ADMIN, Role.STORE_MANAGER, Role.CASHIER);

    private final TeamService team;
    private final List<StoreDetails> storeList;
    private final Map<UUID, String> storeNames;
    private final Grid<TeamMember> grid = new Grid<>();

    UsersView(TeamService team, StoreService stores) {
        this.team = team;
        this.storeList = stores.find("", PageRequest.of(0, 500)).getContent();
        this.storeNames = storeList.stream().collect(Collectors.toMap(StoreDetails::id, StoreDetails::name));
        setId("users");
        setSizeFull();

        Button invite = new Button(getTranslation("team.invite"), VaadinIcon.PLUS.create(), e -> openInvite());
        invite.setVisible(CurrentUser.require().mayChange(Role.MERCHANT_ADMIN));
        invite.setId("invite-user");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("user-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TeamMember::displayName)
                .setHeader(getTranslation("team.column.name"))
                .setFlexGrow(2);
        grid.addColumn(TeamMember::email)
                .setHeader(getTranslation("team.column.email"))
                .setFlexGrow(2);
        grid.addColumn(m -> m.role() == null
                        ? ""
                        : getTranslation("role." + m.role().name()))
                .setHeader(getTranslation("team.column.role"));
        // An admin has every store (no list is kept for them).
        grid.addColumn(m -> m.role() == Role.MERCHANT_ADMIN
                        ? getTranslation("devices.allStores")
                        : m.storeIds().stream()
                                .map(id -> storeNames.getOrDefault(id, "?"))
                                .sorted()
                                .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("team.column.stores"))
                .setFlexGrow(2);
        grid.addComponentColumn(m -> {
                    String key = !m.enabled()
                            ? "team.status.disabled"
                            : m.invitationPending() ? "team.status.invited" : "team.status.active";
                    Span badge = new Span(getTranslation(key));
                    badge.addClassNames("lapak-status", m.enabled() ? "active" : "inactive");
                    return badge;
                })
                .setHeader(getTranslation("team.column.status"));
        grid.setEmptyStateText(getTranslation("team.empty"));
        grid.setItemsPageable(pageable ->
                safely(() -> team.list((int) pageable.getOffset(), pageable.getPageSize()), List.of()));
        grid.addItemClickListener(e -> openMember(e.getItem()));

        add(new H2(getTranslation("team.title")), invite, grid);
    }

    private void openInvite() {
        Dialog dialog = new Dialog();
        dialog.setId("invite-dialog");
        dialog.setHeaderTitle(getTranslation("team.invite"));
        EmailField email = new EmailField(getTranslation("team.field.email"));
        email.setId("invite-email");
        TextField first = new TextField(getTranslation("team.field.firstName"));
        first.setId("invite-first-name");
        TextField last = new TextField(getTranslation("team.field.lastName"));
        last.setId("invite-last-name");
        Select<Role> role = roleSelect("invite-role");
        MultiSelectComboBox<StoreDetails> storesField = storesField("invite-stores");
        role.addValueChangeListener(e -> storesField.setEnabled(e.getValue() != Role.MERCHANT_ADMIN));
        role.setValue(Role.CASHIER);
        if (storeList.size() == 1) {
            storesField.setValue(Set.of(storeList.getFirst()));
        }
        dialog.add(new FormLayout(email, first, last, role, storesField));

        Button cancel = new Button(getTranslation("team.cancel"), e -> dialog.close());
        Button send = new Button(getTranslation("team.invite.send"), e -> {
            Map<String, HasValidation> fields =
                    Map.of("email", email, "firstName", first, "lastName", last, "stores", storesField);
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                Invitation invitation = team.invite(new TeamService.InviteForm(
                        email.getValue(),
                        first.getValue(),
                        last.getValue(),
                        role.getValue(),
                        ids(storesField.getValue())));
                dialog.close();
                grid.getDataProvider().refreshAll();
                new TemporaryPasswordDialog(invitation.email(), invitation.temporaryPassword()).open();
            } catch (InvalidRequestException ex) {
                showProblems(ex, fields);
            } catch (TeamChangeRefused ex) {
                HasValidation field = ex.field() == null ? null : fields.get(ex.field());
                if (field != null) {
                    field.setErrorMessage(getTranslation(ex.messageKey()));
                    field.setInvalid(true);
                } else {
                    error(ex.messageKey());
                }
            } catch (KeycloakUnavailableException ex) {
                error("identity.error.unavailable");
            }
        });
        send.setId("invite-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, send);
        dialog.open();
    }

    private void openMember(TeamMember member) {
        Dialog dialog = new Dialog();
        dialog.setId("member-dialog");
        dialog.setHeaderTitle(member.displayName());
        Select<Role> role = roleSelect("member-role");
        MultiSelectComboBox<StoreDetails> storesField = storesField("member-stores");
        role.addValueChangeListener(e -> storesField.setEnabled(e.getValue() != Role.MERCHANT_ADMIN));
        role.setValue(member.role() == null ? Role.CASHIER : member.role());
        storesField.setValue(storeList.stream()
                .filter(s -> member.storeIds().contains(s.id()))
                .collect(Collectors.toSet()));
        dialog.add(new Span(member.email()), new FormLayout(role, storesField));

        Button save = new Button(
                getTranslation("team.save"),
                e -> change(
                        dialog,
                        () -> role.getValue() == member.role()
                                ? team.changeStoreScope(member.id(), ids(storesField.getValue()))
                                : team.changeRole(member.id(), role.getValue(), ids(storesField.getValue())),
                        "team.saved",
                        Map.of("stores", storesField)));
        save.setId("member-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button toggle = member.enabled()
                ? new Button(
                        getTranslation("team.disable"),
                        e -> change(dialog, () -> team.disable(member.id()), "team.disabled", Map.of()))
                : new Button(
                        getTranslation("team.enable"),
                        e -> change(dialog, () -> team.enable(member.id()), "team.enabled", Map.of()));
        toggle.setId("member-toggle-enabled");
        toggle.addThemeVariants(member.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_CONTRAST);
        Button resend = new Button(getTranslation("team.resend"), e -> {
            try {
                Invitation invitation = team.resendInvitation(member.id());
                dialog.close();
                grid.getDataProvider().refreshAll();
                new TemporaryPasswordDialog(invitation.email(), invitation.temporaryPassword()).open();
            } catch (TeamChangeRefused ex) {
                error(ex.messageKey());
            } catch (KeycloakUnavailableException ex) {
                error("identity.error.unavailable");
            }
        });
        resend.setId("member-resend");
        Button cancel = new Button(getTranslation("team.cancel"), e -> dialog.close());
        dialog.getFooter().add(toggle, resend, cancel, save);
        dialog.open();
    }

    private void change(Dialog dialog, Supplier<TeamMember> work, String doneKey, Map<String, HasValidation> fields) {
        try {
            TeamMember changed = work.get();
            dialog.close();
            grid.getDataProvider().refreshAll();
            Notification.show(getTranslation(doneKey, changed.displayName()), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidRequestException ex) {
            showProblems(ex, fields);
        } catch (TeamChangeRefused ex) {
            error(ex.messageKey());
        } catch (KeycloakUnavailableException ex) {
            error("identity.error.unavailable");
        }
    }

    private void showProblems(InvalidRequestException ex, Map<String, HasValidation> fields) {
        ex.problems().forEach(p -> {
            HasValidation field = fields.get(p.field());
            if (field != null) {
                field.setErrorMessage(getTranslation(p.messageKey()));
                field.setInvalid(true);
            } else {
                error(p.messageKey());
            }
        });
    }

    private Select<Role> roleSelect(String id) {
        Select<Role> role = new Select<>();
        role.setId(id);
        role.setLabel(getTranslation("team.field.role"));
        role.setItems(TEAM_ROLES);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        return role;
    }

    private MultiSelectComboBox<StoreDetails> storesField(String id) {
        MultiSelectComboBox<StoreDetails> field = new MultiSelectComboBox<>(getTranslation("team.field.stores"));
        field.setId(id);
        field.setItems(storeList.stream()
                .sorted(Comparator.comparing(StoreDetails::name))
                .toList());
        field.setItemLabelGenerator(StoreDetails::name);
        return field;
    }

    private static Set<UUID> ids(Set<StoreDetails> stores) {
        Set<UUID> ids = new HashSet<>();
        stores.forEach(s -> ids.add(s.id()));
        return ids;
    }

    private <T> T safely(Supplier<T> work, T fallback) {
        try {
            return work.get();
        } catch (KeycloakUnavailableException e) {
            error("identity.error.unavailable");
            return fallback;
        }
    }

    private void error(String key) {
        Notification.show(getTranslation(key), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
