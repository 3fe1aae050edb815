/**
 * Widgets: what a pocket's page shows, declared in the pocket directory's {@code widgets.yaml}
 * ({@link dev.paw.dashboard.widget.WidgetFile}) or made by default from its tables.
 */
package dev.paw.dashboard.widget;
