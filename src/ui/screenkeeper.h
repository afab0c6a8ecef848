#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// Keeps the screen on while `active`: asks the desktop's screen saver service
// (org.freedesktop.ScreenSaver on the session bus, which KDE, GNOME, Xfce and others
// offer) not to blank it, and lets go when inactive or destroyed. Where there is no such
// service, `inhibited` stays false and `status` says what to do instead.
class ScreenKeeper : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool inhibited READ inhibited NOTIFY statusChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
public:
    explicit ScreenKeeper(QObject *parent = nullptr);
    ~ScreenKeeper() override;

    bool active() const { return m_active; }
    void setActive(bool active);
    bool inhibited() const { return m_cookie != 0; }
    QString status() const { return m_status; }

Q_SIGNALS:
    void activeChanged();
    void statusChanged();

private:
    void inhibit();
    void release();
    void setStatus(const QString &status);

    bool m_active = false;
    bool m_asking = false;
    quint32 m_cookie = 0;
    QString m_status;
};

} // namespace kinlist::ui
