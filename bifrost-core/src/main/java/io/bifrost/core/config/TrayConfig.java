package io.bifrost.core.config;

/**
 * Desktop integration ({@code tray}, [CFG-159]); accepted and stored, no tray is shown in this version. Immutable.
 *
 * @param enabled default true
 * @param startMinimized default false
 * @param showQuickGui default true
 * @param autoConnect default false
 * @param showNotifications default true
 * @param windowX default -1
 * @param windowY default -1
 */
public record TrayConfig(
        boolean enabled,
        boolean startMinimized,
        boolean showQuickGui,
        boolean autoConnect,
        boolean showNotifications,
        int windowX,
        int windowY) {

    public static TrayConfig defaults() {
        return new TrayConfig(true, false, true, false, true, -1, -1);
    }
}
