#pragma once

#include "language.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

class Session;

// Settings remembered on this device: theme, language, change notifications, the tray
// and starting at login.
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the session")
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged) // system|light|dark
    // Toasts for other people's changes.
    Q_PROPERTY(
        bool notifications READ notifications WRITE setNotifications NOTIFY notificationsChanged)
    // Closing the window keeps Kinlist running in the system tray, for reminders and
    // news (on by default; never on a kitchen tablet, which offers neither).
    Q_PROPERTY(bool closeToTray READ closeToTray WRITE setCloseToTray NOTIFY closeToTrayChanged)
    // Kinlist starts at login, in the tray: an XDG autostart entry
    // ($XDG_CONFIG_HOME/autostart/org.kinlist.Kinlist.desktop) written and removed here.
    Q_PROPERTY(bool startAtLogin READ startAtLogin WRITE setStartAtLogin NOTIFY startAtLoginChanged)
    // The language chosen: "en", "de", "es", "fr", or "" to follow the system. Changing it
    // takes effect at once (languageChanged: the window retranslates).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The language in use now ("de"), also when following the system.
    Q_PROPERTY(QString languageInUse READ languageInUse NOTIFY languageChanged)
    // The system's language, as far as Kinlist speaks it ("en" otherwise).
    Q_PROPERTY(QString systemLanguage READ systemLanguage CONSTANT)
    // The languages on offer: {code, name}, each name in its own language.
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
public:
    explicit AppSettings(Session &session);

    QString theme() const;
    void setTheme(const QString &theme);
    bool notifications() const;
    void setNotifications(bool on);
    bool closeToTray() const;
    void setCloseToTray(bool on);
    bool startAtLogin() const;
    void setStartAtLogin(bool on);
    // Where the autostart entry is.
    static QString autostartFile();
    QString language() const;
    void setLanguage(const QString &code);
    QString languageInUse() const { return m_language.current(); }
    static QString systemLanguage() { return Language::resolve({}); }
    static QVariantList languages();

Q_SIGNALS:
    void themeChanged();
    void notificationsChanged();
    void closeToTrayChanged();
    void startAtLoginChanged();
    void languageChanged();

private:
    Session &m_session;
    Language m_language;
};

} // namespace kinlist::ui
