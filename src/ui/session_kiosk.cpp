// Kiosk mode: pairing a kitchen tablet, its exit PIN, and acting for a family member.
#include "session.h"

#include <QCryptographicHash>

namespace kinlist::ui {

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

bool Session::kioskAtStart(const QString &dataDirectory)
{
    return openSettings(dataDirectory)->value(QStringLiteral("kioskAtStart"), false).toBool();
}

QString Session::key(const QString &name) const
{
    return kiosk() ? QStringLiteral("kiosk/") + name : name;
}

QString Session::householdRole() const
{
    for (const QVariant &h : households()) {
        const QVariantMap m = h.toMap();
        if (m.value(QStringLiteral("id")).toString() == m_householdId)
            return m.value(QStringLiteral("role")).toString();
    }
    return {};
}

void Session::setActingFor(const QString &userId)
{
    if (userId == m_actingFor)
        return;
    m_actingFor = userId;
    Q_EMIT actingForChanged();
}

void Session::createKioskCode()
{
    m_kioskCode.clear();
    ownerRequest(QStringLiteral("kiosk.code.create"), {}, true,
                 {tr("You are offline. Pairing a tablet needs a connection."),
                  tr("Only an owner of the household can pair a kitchen tablet."),
                  tr("The server could not make a pairing code (%1). Please try again.")},
                 [this](const QJsonObject &result) {
                     m_kioskCodeTablets = kioskCount();
                     m_kioskCode = result.value(QStringLiteral("code")).toString();
                     m_kioskCodeExpires = QDateTime::fromMSecsSinceEpoch(
                         qint64(result.value(QStringLiteral("expiresAt")).toDouble()));
                     // The server tells no one when a tablet pairs: ask until one has
                     // (or the code ran out), so the used code leaves Settings.
                     m_kioskCodeWatch.start();
                 });
}

int Session::kioskCount() const
{
    int tablets = 0;
    for (const QVariant &m : members())
        tablets += m.toMap().value(QStringLiteral("role")).toString() == QLatin1String("kiosk");
    return tablets;
}

void Session::removeMember(const QString &userId)
{
    ownerRequest(QStringLiteral("member.remove"), {{QStringLiteral("userId"), userId}}, false,
                 {tr("You are offline. Removing someone needs a connection."),
                  tr("Only an owner of the household can remove someone."),
                  tr("The server could not remove them (%1).")},
                 [this](const QJsonObject &) { m_account->sync()->refreshHouseholds(); });
}

void Session::pairKiosk(const QString &server, const QString &code, const QString &name,
                        const QString &pin, const QString &pinAgain)
{
    if (!kiosk())
        return;
    if (code.trimmed().isEmpty() || name.trimmed().isEmpty()) {
        fail(tr("Enter the pairing code from Settings on a family computer, and a name for "
                "this tablet."));
        return;
    }
    if (!plausiblePin(pin)) {
        fail(tr("Choose a PIN of 4 to 8 digits. It is needed to leave kiosk mode."));
        return;
    }
    if (pin != pinAgain) {
        fail(tr("The two PINs differ. Type the same PIN twice."));
        return;
    }
    clearError();
    m_busy = true;
    m_pendingPin = pin;
    Q_EMIT changed();
    m_auth.pairKiosk(client::AuthClient::serverUrl(server), code.trimmed(), name.trimmed());
}

QByteArray Session::pinHash(const QByteArray &salt, const QString &pin)
{
    // A 4-8 digit PIN keeps children and accidents out of the desktop, not a determined
    // attacker with the tablet's files: a salted hash is enough to not keep it readable.
    return QCryptographicHash::hash(salt + pin.toUtf8(), QCryptographicHash::Sha256).toHex();
}

bool Session::checkKioskPin(const QString &pin)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_pinLockedUntil.isValid() && now < m_pinLockedUntil) {
        fail(tr("Too many wrong PINs. Try again in %n second(s).", nullptr,
                int(now.secsTo(m_pinLockedUntil)) + 1));
        return false;
    }
    const QByteArray salt = m_settings->value(QStringLiteral("kiosk/pinSalt")).toByteArray();
    const QByteArray hash = m_settings->value(QStringLiteral("kiosk/pinHash")).toByteArray();
    if (!salt.isEmpty() && !hash.isEmpty() && pinHash(salt, pin) == hash) {
        m_wrongPins = 0;
        clearError();
        return true;
    }
    if (++m_wrongPins >= kMaxWrongPins) {
        m_wrongPins = 0;
        m_pinLockedUntil = now.addSecs(kPinLockSeconds);
        fail(tr("Too many wrong PINs. Try again in %n second(s).", nullptr, kPinLockSeconds));
    } else {
        fail(tr("That is not the PIN."));
    }
    return false;
}

void Session::leaveKiosk(const QString &pin)
{
    if (!checkKioskPin(pin))
        return;
    m_settings->setValue(QStringLiteral("kioskAtStart"), false);
    m_settings->sync();
    Q_EMIT leaveKioskRequested();
}

void Session::useAsKiosk()
{
    m_settings->setValue(QStringLiteral("kioskAtStart"), true);
    m_settings->sync();
    Q_EMIT useAsKioskRequested();
}

} // namespace kinlist::ui
