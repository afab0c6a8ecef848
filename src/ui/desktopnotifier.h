#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace kinlist::ui {

// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus), with the app's icon and an "Open"
// action. Each has a key of the caller's: showing one with the key of a notification still
// on screen replaces it (a count going up), and a click on one says its key.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    // Whether there is a session bus to send to at all.
    bool hasBus() const;
    // Sends the notification; `failed` follows when no notification service took it.
    void show(const QString &key, const QString &summary, const QString &body);
    // Takes the notification of `key` off the screen, if it is there.
    void close(const QString &key);

Q_SIGNALS:
    // The person clicked the notification of `key` (or chose "Open").
    void activated(const QString &key);
    void failed(const QString &key, const QString &summary, const QString &body);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QString iconName();

    QHash<QString, uint> m_ids; // key -> the service's id, while on screen
    QString m_icon;
};

} // namespace kinlist::ui
