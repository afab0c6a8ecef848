#pragma once

#include "activitymodel.h"
#include "client/account.h"
#include "client/authclient.h"
#include "client/credentials.h"
#include "connectionstatus.h"
#include "itemsmodel.h"
#include "language.h"
#include "listsmodel.h"
#include "toastqueue.h"

#include <QDateTime>
#include <QObject>
#include <QSettings>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

namespace kinlist::ui {

// What the QML front end talks to: signing in (or creating an account), the households,
// the current household's lists, the open list's items, the connection status, and every
// edit a user makes. Edits go through the sync client, so they show at once and are on
// disk before anything is sent.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY changed)
    Q_PROPERTY(QString userName READ userName NOTIFY changed)
    Q_PROPERTY(QString userId READ userId NOTIFY changed)
    Q_PROPERTY(QVariantList households READ households NOTIFY changed)
    Q_PROPERTY(QString householdId READ householdId WRITE setHouseholdId NOTIFY changed)
    Q_PROPERTY(QString householdName READ householdName NOTIFY changed)
    // The last invite code made with createInvite(), for someone to join with.
    Q_PROPERTY(QString inviteCode READ inviteCode NOTIFY changed)
    Q_PROPERTY(QString currentListId READ currentListId WRITE setCurrentListId NOTIFY changed)
    Q_PROPERTY(QString currentListName READ currentListName NOTIFY changed)
    Q_PROPERTY(QString currentListKind READ currentListKind NOTIFY changed)
    Q_PROPERTY(kinlist::ui::ConnectionStatus *status READ status CONSTANT)
    Q_PROPERTY(kinlist::ui::ListsModel *lists READ lists CONSTANT)
    Q_PROPERTY(kinlist::ui::ItemsModel *items READ items CONSTANT)
    Q_PROPERTY(kinlist::ui::ToastQueue *toasts READ toasts CONSTANT)
    Q_PROPERTY(kinlist::ui::ActivityModel *activity READ activity CONSTANT)
    Q_PROPERTY(bool currentListMuted READ currentListMuted WRITE setCurrentListMuted NOTIFY changed)
    // What undo() would take back ("Milk checked off"); empty when nothing.
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoChanged)
    // Set when an added title is already open on the list: "Milk is already on the list
    // (added by Alex, 2 hours ago)"; addOneMore() or addAnyway() settles it.
    Q_PROPERTY(QString duplicateText READ duplicateText NOTIFY duplicateChanged)
    // Who else has the current list open, one entry per person: {userId, name, initials,
    // devices}.
    Q_PROPERTY(QVariantList presence READ presence NOTIFY presenceChanged)
    // Settings, remembered on this device.
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY settingsChanged) // system|light|dark
    Q_PROPERTY(bool notifications READ notifications WRITE setNotifications NOTIFY settingsChanged)
    // The language chosen in Settings: "en", "de", "es", "fr", or "" to follow the system.
    // Changing it takes effect at once (languageChanged: the window retranslates).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The language in use now ("de"), also when following the system.
    Q_PROPERTY(QString languageInUse READ languageInUse NOTIFY languageChanged)
    // The system's language, as far as Kinlist speaks it ("en" otherwise).
    Q_PROPERTY(QString systemLanguage READ systemLanguage CONSTANT)
    // The languages on offer: {code, name}, each name in its own language.
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    // Keep the sign-in in a private file where no keychain is available (off by default).
    Q_PROPERTY(
        bool rememberInFile READ rememberInFile WRITE setRememberInFile NOTIFY settingsChanged)
    // Where the sign-in is kept, as a sentence.
    Q_PROPERTY(QString credentialStatus READ credentialStatus NOTIFY settingsChanged)
    // Opened from this device's data without a kept sign-in (no keychain, say): the lists
    // can be read and edited; unlock() with the password syncs again. serverReachable:
    // whether the server answers now, so the password is asked for only then.
    Q_PROPERTY(bool passwordNeeded READ passwordNeeded NOTIFY changed)
    Q_PROPERTY(bool serverReachable READ serverReachable NOTIFY changed)
    Q_PROPERTY(QString accountEmail READ accountEmail NOTIFY changed)
    // No keychain answers on this computer: a sign-in is kept only while Kinlist runs,
    // unless rememberInFile is on.
    Q_PROPERTY(bool keychainMissing READ keychainMissing NOTIFY settingsChanged)
    // The current household's members: {userId, displayName, role}.
    Q_PROPERTY(QVariantList members READ members NOTIFY changed)
    // This user's role in the current household: owner, member or kiosk.
    Q_PROPERTY(QString householdRole READ householdRole NOTIFY changed)

    // Kiosk mode: a kitchen tablet with an account of its own, paired by a code.
    Q_PROPERTY(bool kiosk READ kiosk CONSTANT)
    // The last pairing code made with createKioskCode() (owners), and when it runs out.
    Q_PROPERTY(QString kioskCode READ kioskCode NOTIFY changed)
    Q_PROPERTY(QDateTime kioskCodeExpires READ kioskCodeExpires NOTIFY changed)
    // On a kiosk: the member whose face was tapped; the tablet's changes are theirs.
    Q_PROPERTY(QString actingFor READ actingFor WRITE setActingFor NOTIFY actingForChanged)
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

    bool signedIn() const { return m_account != nullptr; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    QString serverAddress() const;
    QString userName() const { return m_userName; }
    QString userId() const { return m_account ? m_account->userId() : QString(); }
    QVariantList households() const;
    QString householdId() const { return m_householdId; }
    void setHouseholdId(const QString &id);
    QString householdName() const;
    QString inviteCode() const { return m_inviteCode; }
    QString currentListId() const { return m_currentListId; }
    void setCurrentListId(const QString &id);
    QString currentListName() const;
    QString currentListKind() const;
    ConnectionStatus *status() { return &m_status; }
    ListsModel *lists() { return &m_lists; }
    ItemsModel *items() { return &m_items; }
    ToastQueue *toasts() { return &m_toasts; }
    QString undoText() const { return m_undo.isEmpty() ? QString() : m_undo.constLast().text; }
    QString duplicateText() const { return m_duplicateText; }
    QVariantList presence() const;
    QString theme() const;
    void setTheme(const QString &theme);
    bool notifications() const;
    void setNotifications(bool on);
    QString language() const;
    void setLanguage(const QString &code);
    QString languageInUse() const { return m_language.current(); }
    static QString systemLanguage() { return Language::resolve({}); }
    static QVariantList languages();
    bool rememberInFile() const { return m_credentials.allowFile(); }
    bool passwordNeeded() const { return m_passwordNeeded; }
    bool serverReachable() const { return m_serverReachable; }
    QString accountEmail() const;
    bool keychainMissing() const;
    void setRememberInFile(bool on);
    QString credentialStatus() const { return m_credentials.status(); }
    QVariantList members() const;
    ActivityModel *activity() { return &m_activity; }
    // No toasts for changes to a muted list (remembered on this device).
    bool currentListMuted() const;
    void setCurrentListMuted(bool muted);
    client::Account *account() const { return m_account.get(); }
    QString householdRole() const;
    bool kiosk() const { return m_mode == Mode::Kiosk; }
    QString kioskCode() const { return m_kioskCode; }
    QDateTime kioskCodeExpires() const { return m_kioskCodeExpires; }
    QString actingFor() const { return m_actingFor; }
    void setActingFor(const QString &userId);

    Q_INVOKABLE void signIn(const QString &server, const QString &email, const QString &password);
    Q_INVOKABLE void createAccount(const QString &server, const QString &name, const QString &email,
                                   const QString &password);
    Q_INVOKABLE void createHousehold(const QString &name);
    Q_INVOKABLE void joinHousehold(const QString &code);
    // A code for someone to join the current household with (owners only).
    Q_INVOKABLE void createInvite();
    // Fetches the households and their members again (someone may have joined).
    Q_INVOKABLE void refreshMembers();
    Q_INVOKABLE void createList(const QString &name, const QString &kind);
    // Opens a list of any of the user's households (from a toast, say).
    Q_INVOKABLE void openList(const QString &listId);
    Q_INVOKABLE void addItem(const QString &title);
    Q_INVOKABLE void setDone(const QString &itemId, bool done);
    Q_INVOKABLE void renameItem(const QString &itemId, const QString &title);
    Q_INVOKABLE void removeItem(const QString &itemId);
    // Sets the given fields of an item (title, quantity, unit, category, note, assignee,
    // due), only those that differ; undoable.
    Q_INVOKABLE void updateItem(const QString &itemId, const QVariantMap &fields);
    // Moves an item to the given row of the shown list (Alt+Up/Down, drag).
    // Grouped by category, it takes the group of the row whose place it takes.
    Q_INVOKABLE void moveItem(const QString &itemId, int toRow);
    // Just above the given row, in its category (dropped under a category's header).
    Q_INVOKABLE void moveItemAbove(const QString &itemId, int row);
    // Alt+Up/Down: one row up or down; one step over a category's header puts it at the
    // near end of that category.
    Q_INVOKABLE void moveItemBy(const QString &itemId, int rows);
    Q_INVOKABLE void undo();
    // Takes back the change of an activity entry (of anyone): a new change that restores
    // what was there before it, as far as the activity knows.
    Q_INVOKABLE void revertActivity(int row);
    // "Keep mine" for the item's lost changes: writes this device's values again.
    Q_INVOKABLE void keepMine(const QString &itemId);
    Q_INVOKABLE void addOneMore();
    Q_INVOKABLE void addAnyway();
    Q_INVOKABLE void dismissDuplicate();
    Q_INVOKABLE void clearError();
    // Signs the open account in again with its password (see passwordNeeded); `email`
    // only where none is remembered (accountEmail is empty).
    Q_INVOKABLE void unlock(const QString &password, const QString &email = {});
    Q_INVOKABLE void signOut();

    // Owners: takes someone (or a kitchen tablet, which is then unpaired) out of the
    // current household.
    Q_INVOKABLE void removeMember(const QString &userId);
    // Owners: a one-time code (15 minutes) to pair a kitchen tablet with this household.
    Q_INVOKABLE void createKioskCode();
    // On the tablet: pairs with the code and sets the PIN that leaving kiosk mode needs.
    Q_INVOKABLE void pairKiosk(const QString &server, const QString &code, const QString &name,
                               const QString &pin, const QString &pinAgain);
    // Whether `pin` is the kiosk's PIN; after 5 wrong ones, none is taken for a minute.
    Q_INVOKABLE bool checkKioskPin(const QString &pin);
    // Leaves kiosk mode with the owner's PIN: emits leaveKioskRequested().
    Q_INVOKABLE void leaveKiosk(const QString &pin);
    // Makes this computer a kiosk from the next start on: emits useAsKioskRequested().
    Q_INVOKABLE void useAsKiosk();

Q_SIGNALS:
    void changed();
    void undoChanged();
    void duplicateChanged();
    void presenceChanged();
    void settingsChanged();
    void languageChanged();
    void actingForChanged();
    void leaveKioskRequested();
    void useAsKioskRequested();

private:
    void openAccount(const QUrl &server, const QString &userId);
    void onHouseholdsChanged();
    bool apply(Op op);
    // Applies `op`, remembering `inverse` to take it back with undo().
    void applyUndoable(Op op, Op inverse, const QString &text);
    std::optional<Entity> currentItem(const QString &itemId) const;
    // The key `position` gives for an item of the current list; when keys have grown too
    // long for it, the list's items get fresh keys first and it is asked again.
    QString placeItem(const std::function<QString()> &position);
    // The category of a shown row ("" for none or past the ends).
    QString rowCategory(int row) const;
    // Moves an item between two shown rows (-1: an end) into `category` (grouped lists).
    void relocate(const QString &itemId, const QString &category, int before, int after);
    void fail(const QString &message);
    // Tries the open account's server once (serverReachable).
    void probeServer();
    void householdRequest(const QString &type, const QJsonObject &fields);
    // What to say when an owner's request (with the current household) is refused.
    struct Refusals
    {
        QString offline;
        QString forbidden;
        QString failed; // %1: the server's code
    };
    // Sends `type` for the current household; `done` gets the result, a refusal becomes
    // the error sentence. `showBusy`: the session is busy until the answer.
    void ownerRequest(const QString &type, QJsonObject fields, bool showBusy, const Refusals &say,
                      const std::function<void(const QJsonObject &)> &done);
    // A settings key of this mode's account: a kiosk keeps its own beside the person's.
    QString key(const QString &name) const;
    static QByteArray pinHash(const QByteArray &salt, const QString &pin);
    // The settings: `<dataDirectory>/kinlist.ini`, or the platform's when it is empty.
    static std::unique_ptr<QSettings> openSettings(const QString &dataDirectory);

    QUrl m_defaultServer;
    QString m_dataDirectory;
    Mode m_mode = Mode::Personal;
    std::unique_ptr<QSettings> m_settings;
    client::CredentialStore m_credentials;
    client::AuthClient m_auth;
    std::unique_ptr<client::Account> m_account;
    ConnectionStatus m_status;
    ListsModel m_lists;
    ItemsModel m_items;
    ToastQueue m_toasts;
    ActivityModel m_activity;
    Language m_language;
    bool m_busy = false;
    QString m_error;
    QString m_userName;
    QString m_householdId;
    QString m_currentListId;
    QString m_inviteCode;
    struct Undo
    {
        Op inverse;
        QString text;
    };
    QList<Undo> m_undo; // newest last, at most kMaxUndo
    static constexpr int kMaxUndo = 20;
    QString m_duplicateText;
    QString m_duplicateId; // the open item with the same title
    QString m_duplicateTitle; // what was typed
    QString m_kioskCode;
    int m_kioskCodeTablets = 0; // tablets of the household when the code was made
    QTimer m_kioskCodeWatch; // asks for the members while the code is unused
    int kioskCount() const; // the current household's tablets
    QDateTime m_kioskCodeExpires;
    QString m_actingFor;
    QString m_pendingPin; // set with the pairing, saved once it succeeds
    int m_wrongPins = 0;
    bool m_passwordNeeded = false;
    bool m_serverReachable = false;
    QTimer m_probeTimer; // tries the server while the password is needed
    QTcpSocket *m_probe = nullptr;
    // Whether a keychain answered when asked at start (Nowhere: it did not).
    client::CredentialStore::Where m_keychainProbe = client::CredentialStore::Where::Keychain;
    QDateTime m_pinLockedUntil;
};

} // namespace kinlist::ui
