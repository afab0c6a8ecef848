#include "kiosk.h"

#include "core/uuid.h"
#include "session.h"

#include <QCryptographicHash>

namespace kinlist::ui {

using client::SyncClient;

namespace {
constexpr int kMaxWrongPins = 5;
constexpr int kPinLockSeconds = 60;

bool plausiblePin(const QString &pin)
{
    if (pin.size() < 4 || pin.size() > 8)
        return false;
    for (QChar ch : pin) {
        if (!ch.isDigit())
            return false;
    }
    return true;
}
} // namespace

Kiosk::Kiosk(Session &session)
    : QObject(&session)
    , m_session(session)
{
    m_codeWatch.setInterval(3000);
    connect(&m_codeWatch, &QTimer::timeout, this, [this] {
        if (m_code.isEmpty() || !m_session.account() ||
            m_codeExpires < QDateTime::currentDateTime()) {
            clearCode(); // ran out
            return;
        }
        m_session.households()->refreshMembers();
    });
    // A tablet paired with the code made here: the code is used up, and goes from Settings.
    connect(m_session.households(), &Households::membersChanged, this, [this] {
        if (!m_code.isEmpty() && m_session.households()->tabletCount() > m_codeTablets)
            clearCode();
    });
    // The PIN chosen with the pairing is kept once the pairing succeeded.
    client::AuthClient *auth = m_session.user()->auth();
    connect(auth, &client::AuthClient::failed, this, [this] { m_pendingPin.clear(); });
    connect(auth, &client::AuthClient::succeeded, this, [this] {
        if (!active() || m_pendingPin.isEmpty())
            return;
        const QByteArray salt = createUuid().toLatin1();
        m_session.config().setValue(QStringLiteral("kiosk/pinSalt"), salt);
        m_session.config().setValue(QStringLiteral("kiosk/pinHash"), pinHash(salt, m_pendingPin));
        m_pendingPin.clear();
    });
    connect(&m_session, &Session::accountOpened, this, &Kiosk::connectAccount);
}

bool Kiosk::active() const
{
    return m_session.isKiosk();
}

void Kiosk::connectAccount()
{
    // A kitchen tablet removed from its household is unpaired: back to pairing.
    connect(m_session.account()->sync(), &SyncClient::householdRemoved, this, [this] {
        if (!active())
            return;
        QTimer::singleShot(0, this, [this] {
            m_session.user()->signOut();
            m_session.fail(tr("This tablet was unpaired from the household. Pair it again "
                              "with a new code from Settings on a family computer."));
        });
    });
}

void Kiosk::clearCode()
{
    m_codeWatch.stop();
    if (m_code.isEmpty())
        return;
    m_code.clear();
    Q_EMIT codeChanged();
}

void Kiosk::setActingFor(const QString &userId)
{
    if (userId == m_actingFor)
        return;
    m_actingFor = userId;
    Q_EMIT actingForChanged();
}

void Kiosk::createCode()
{
    clearCode();
    m_session.households()->ownerRequest(
        QStringLiteral("kiosk.code.create"), {}, true,
        {tr("You are offline. Pairing a tablet needs a connection."),
         tr("Only an owner of the household can pair a kitchen tablet."),
         tr("The server could not make a pairing code (%1). Please try again.")},
        [this](const QJsonObject &result) {
            m_codeTablets = m_session.households()->tabletCount();
            m_code = result.value(QStringLiteral("code")).toString();
            m_codeExpires = QDateTime::fromMSecsSinceEpoch(
                qint64(result.value(QStringLiteral("expiresAt")).toDouble()));
            // The server tells no one when a tablet pairs: ask until one has (or the
            // code ran out), so the used code leaves Settings.
            m_codeWatch.start();
            Q_EMIT codeChanged();
        });
}

void Kiosk::pair(const QString &server, const QString &code, const QString &name,
                 const QString &pin, const QString &pinAgain)
{
    if (!active())
        return;
    if (code.trimmed().isEmpty() || name.trimmed().isEmpty()) {
        m_session.fail(tr("Enter the pairing code from Settings on a family computer, and a "
                          "name for this tablet."));
        return;
    }
    if (!plausiblePin(pin)) {
        m_session.fail(tr("Choose a PIN of 4 to 8 digits. It is needed to leave kiosk mode."));
        return;
    }
    if (pin != pinAgain) {
        m_session.fail(tr("The two PINs differ. Type the same PIN twice."));
        return;
    }
    m_session.clearError();
    m_session.setBusy(true);
    m_pendingPin = pin;
    m_session.user()->auth()->pairKiosk(client::AuthClient::serverUrl(server), code.trimmed(),
                                        name.trimmed());
}

QByteArray Kiosk::pinHash(const QByteArray &salt, const QString &pin)
{
    // A 4-8 digit PIN keeps children and accidents out of the desktop, not a determined
    // attacker with the tablet's files: a salted hash is enough to not keep it readable.
    return QCryptographicHash::hash(salt + pin.toUtf8(), QCryptographicHash::Sha256).toHex();
}

bool Kiosk::checkPin(const QString &pin)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_pinLockedUntil.isValid() && now < m_pinLockedUntil) {
        m_session.fail(tr("Too many wrong PINs. Try again in %n second(s).", nullptr,
                          int(now.secsTo(m_pinLockedUntil)) + 1));
        return false;
    }
    const QSettings &config = m_session.config();
    const QByteArray salt = config.value(QStringLiteral("kiosk/pinSalt")).toByteArray();
    const QByteArray hash = config.value(QStringLiteral("kiosk/pinHash")).toByteArray();
    if (!salt.isEmpty() && !hash.isEmpty() && pinHash(salt, pin) == hash) {
        m_wrongPins = 0;
        m_session.clearError();
        return true;
    }
    if (++m_wrongPins >= kMaxWrongPins) {
        m_wrongPins = 0;
        m_pinLockedUntil = now.addSecs(kPinLockSeconds);
        m_session.fail(
            tr("Too many wrong PINs. Try again in %n second(s).", nullptr, kPinLockSeconds));
    } else {
        m_session.fail(tr("That is not the PIN."));
    }
    return false;
}

void Kiosk::leave(const QString &pin)
{
    if (!checkPin(pin))
        return;
    m_session.config().setValue(QStringLiteral("kioskAtStart"), false);
    m_session.config().sync();
    Q_EMIT leaveRequested();
}

void Kiosk::useAsKiosk()
{
    m_session.config().setValue(QStringLiteral("kioskAtStart"), true);
    m_session.config().sync();
    Q_EMIT useAsKioskRequested();
}

} // namespace kinlist::ui
