#pragma once

#include "appsettings.h"
#include "client/account.h"
#include "client/credentials.h"
#include "connectionstatus.h"
#include "households.h"
#include "kiosk.h"
#include "listeditor.h"
#include "reminders.h"
#include "toastqueue.h"
#include "useraccount.h"

#include <QObject>
#include <QSettings>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace kinlist::ui {

// What the window stands on: the open account (its replica, outbox and sync client), the
// connection status, the toasts, and the one error sentence and busy flag every page
// shows. The rest of what QML talks to is split by area, each an object of its own with
// its own NOTIFY signals, made here and handed to the window by name (qmlProperties()):
//   account     UserAccount  signing in, creating an account, unlocking, signing out
//   households  Households   the households, their members and lists, invites
//   editor      ListEditor   the open list: its items, edits, undo, duplicates, activity
//   settings    AppSettings  theme, language, notifications
//   kiosk       Kiosk        pairing a kitchen tablet, its PIN, acting for a member
// Edits go through the sync client, so they show at once and are on disk before anything
// is sent.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    // A request the user waits for (sign in, pairing, a new household) is under way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The last thing that went wrong, as a sentence for the user; clearError() clears it.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(kinlist::ui::ConnectionStatus *status READ status CONSTANT)
    Q_PROPERTY(kinlist::ui::ToastQueue *toasts READ toasts CONSTANT)
public:
    enum class Mode { Personal, Kiosk };

    // `dataDirectory` empty: the platform's app data location and the default settings.
    explicit Session(QUrl defaultServer, QString dataDirectory = {}, Mode mode = Mode::Personal,
                     QObject *parent = nullptr);
    ~Session() override;

    // Whether the app should start as a kiosk (chosen in settings with useAsKiosk()).
    static bool kioskAtStart(const QString &dataDirectory);

    // Opens the account used last time, signing in with the token kept for it.
    void restore();

    // What Main.qml is given: "session" and each area by the name above.
    QVariantMap qmlProperties();

    bool signedIn() const { return m_account != nullptr; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    ConnectionStatus *status() { return &m_status; }
    ToastQueue *toasts() { return &m_toasts; }
    Reminders *reminders() { return &m_reminders; }
    Q_INVOKABLE void clearError();
    // Opens a task (a notification was clicked): its list, and its details.
    void openItem(const QString &listId, const QString &itemId)
    {
        Q_EMIT openItemRequested(listId, itemId);
    }
    // Shows what is due (the tray's "Today").
    void openToday() { Q_EMIT todayRequested(); }

    UserAccount *user() { return &m_user; }
    Households *households() { return &m_households; }
    ListEditor *editor() { return &m_editor; }
    AppSettings *settings() { return &m_settings; }
    Kiosk *kiosk() { return &m_kiosk; }

    // For the areas.
    client::Account *account() const { return m_account.get(); }
    client::CredentialStore &credentials() { return m_credentials; }
    // `<dataDirectory>/kinlist.ini`, or the platform's settings.
    QSettings &config() { return *m_config; }
    // A settings key of this mode's account: a kiosk keeps its own beside the person's.
    QString key(const QString &name) const;
    bool isKiosk() const { return m_mode == Mode::Kiosk; }
    // The data directory the app was started with (--data), "" for the platform's.
    QString dataArgument() const { return m_dataArgument; }
    const QUrl &defaultServer() const { return m_defaultServer; }
    // Shows `message` (as a toast too, once the main window is up).
    void fail(const QString &message);
    void setBusy(bool busy);
    // Applies a change of the user's (of the member a kiosk acts for); false, with the
    // error shown, when it could not be saved on this computer.
    bool apply(Op op);
    // Opens the data of `userId` on `server` on this computer; false (error shown) when
    // another Kinlist has it open or it cannot be read.
    bool openAccount(const QUrl &server, const QString &userId);
    // Closes the open account and forgets its sign-in; its data stays on this computer.
    void closeAccount();

Q_SIGNALS:
    void signedInChanged();
    void busyChanged();
    void errorChanged();
    // An account was opened: the areas connect to its sync client.
    void accountOpened();
    // The open account is about to close: the areas let go of it.
    void accountClosing();
    // For the window: open this task (an empty itemId: the list), or the Today view.
    void openItemRequested(const QString &listId, const QString &itemId);
    void todayRequested();

private:
    // The settings: `<dataDirectory>/kinlist.ini`, or the platform's when it is empty.
    static std::unique_ptr<QSettings> openSettings(const QString &dataDirectory);

    QUrl m_defaultServer;
    QString m_dataDirectory;
    QString m_dataArgument;
    Mode m_mode = Mode::Personal;
    std::unique_ptr<QSettings> m_config;
    client::CredentialStore m_credentials;
    std::unique_ptr<client::Account> m_account;
    ConnectionStatus m_status;
    ToastQueue m_toasts;
    Reminders m_reminders;
    bool m_busy = false;
    QString m_error;
    // The areas, last: they use what is above from their constructors on. Each may use
    // the ones before it.
    AppSettings m_settings {*this};
    UserAccount m_user {*this};
    Households m_households {*this};
    ListEditor m_editor {*this};
    Kiosk m_kiosk {*this};
};

} // namespace kinlist::ui
