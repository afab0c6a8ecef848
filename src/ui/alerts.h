#pragma once

#include "desktopnotifier.h"
#include "reminders.h"
#include "tray.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QQuickWindow;

namespace kinlist::ui {

class Session;

// What reaches a person when the window is not in front: the reminders of their tasks
// and others' changes (coalesced like the toasts, never of a muted list) as desktop
// notifications, which open the task or list when clicked; and Kinlist's place in the
// system tray, which keeps it running when the window is closed (the setting "Keep
// running in the tray", never on a kitchen tablet). Without a notification service the
// window's toasts say it instead.
class Alerts : public QObject
{
    Q_OBJECT
public:
    explicit Alerts(Session &session, QObject *parent = nullptr);
    ~Alerts() override;

    void setWindow(QQuickWindow *window);
    // Whether closing the window leaves Kinlist running in the tray.
    bool keepsRunning() const;
    // The tray icon while it is shown (nullptr otherwise).
    Tray *tray() const { return m_tray.get(); }
    DesktopNotifier *notifier() { return &m_notifier; }
    // Brings the window to the front.
    void showWindow();

Q_SIGNALS:
    // Quit was chosen in the tray's menu, or the window closed with no tray to stay in.
    void quitRequested();

private:
    void updateTray();
    void onReminder(const Reminders::Reminder &reminder);
    void onChangeToast(quint64 id, const QString &text, const QString &listId);
    void onActivated(const QString &key);
    void onFailed(const QString &key, const QString &summary, const QString &body);
    void onVisibleChanged(bool visible);

    Session &m_session;
    QPointer<QQuickWindow> m_window;
    DesktopNotifier m_notifier;
    std::unique_ptr<Tray> m_tray;
    // A tray that comes after Kinlist (started at login before the panel): the
    // StatusNotifierWatcher's name appearing, or, for an X11 tray, a look every few seconds
    // while the tray is wanted and missing.
    QDBusServiceWatcher m_trayWatcher;
    QTimer m_trayLook;
};

} // namespace kinlist::ui
