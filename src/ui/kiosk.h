#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

class Session;

// Kiosk mode: a kitchen tablet with an account of its own, paired with a household by a
// one-time code, left only with a PIN, its changes made as the member whose face was
// tapped. On a family computer: the owner's pairing code, and making it a kiosk.
class Kiosk : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the session")
    // This app runs as a kitchen tablet.
    Q_PROPERTY(bool active READ active CONSTANT)
    // The last pairing code made with createCode() (owners), and when it runs out; it goes
    // once a tablet has paired with it.
    Q_PROPERTY(QString code READ code NOTIFY codeChanged)
    Q_PROPERTY(QDateTime codeExpires READ codeExpires NOTIFY codeChanged)
    // On a kiosk: the member whose face was tapped; the tablet's changes are theirs.
    Q_PROPERTY(QString actingFor READ actingFor WRITE setActingFor NOTIFY actingForChanged)
public:
    explicit Kiosk(Session &session);

    bool active() const;
    QString code() const { return m_code; }
    QDateTime codeExpires() const { return m_codeExpires; }
    QString actingFor() const { return m_actingFor; }
    void setActingFor(const QString &userId);

    // Owners: a one-time code (15 minutes) to pair a kitchen tablet with the household.
    Q_INVOKABLE void createCode();
    // On the tablet: pairs with the code and sets the PIN that leaving kiosk mode needs.
    Q_INVOKABLE void pair(const QString &server, const QString &code, const QString &name,
                          const QString &pin, const QString &pinAgain);
    // Whether `pin` is the kiosk's PIN; after 5 wrong ones, none is taken for a minute.
    Q_INVOKABLE bool checkPin(const QString &pin);
    // Leaves kiosk mode with the owner's PIN: emits leaveRequested().
    Q_INVOKABLE void leave(const QString &pin);
    // Makes this computer a kiosk from the next start on: emits useAsKioskRequested().
    Q_INVOKABLE void useAsKiosk();

Q_SIGNALS:
    void codeChanged();
    void actingForChanged();
    void leaveRequested();
    void useAsKioskRequested();

private:
    void connectAccount();
    void clearCode();
    static QByteArray pinHash(const QByteArray &salt, const QString &pin);

    Session &m_session;
    QString m_code;
    QDateTime m_codeExpires;
    int m_codeTablets = 0; // tablets of the household when the code was made
    QTimer m_codeWatch; // asks for the members while the code is unused
    QString m_actingFor;
    QString m_pendingPin; // set with the pairing, saved once it succeeds
    int m_wrongPins = 0;
    QDateTime m_pinLockedUntil;
};

} // namespace kinlist::ui
