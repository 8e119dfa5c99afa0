package id.lapak.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell: Vaadin's Lumo theme plus Lapak's own stylesheet (plain CSS, no frontend bundle). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {}
