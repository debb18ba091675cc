#include "ui/shell/theme.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x40, 0x43));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x84, 0x89));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x84, 0x89));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x84, 0x89));
    return p;
}

QPalette lightPalette()
{
    // Called once Fusion is the application's style.
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    p.setColor(QPalette::Highlight, QColor(0x1e, 0x6f, 0xc8));
    p.setColor(QPalette::PlaceholderText, QColor(0x5f, 0x63, 0x68));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xcb, 0xd0));
    return p;
}

} // namespace

bool systemPrefersDark()
{
    // The platform theme's palette as it was before the console set its own: a dark desktop
    // (GNOME, KDE, Windows, macOS in dark mode) hands the application a dark window colour.
    static const bool dark = [] {
        const QPalette platform = QGuiApplication::palette();
        if (platform.color(QPalette::Window).lightness() < 128)
            return true;
        const QByteArray gtk = qgetenv("GTK_THEME").toLower();
        return gtk.contains(":dark") || gtk.endsWith("-dark");
    }();
    return dark;
}

void applyTheme(Theme theme)
{
    // Decide what the system wants before the first palette of our own replaces its palette.
    const bool systemDark = systemPrefersDark();
    const bool dark = theme == Theme::Dark || (theme == Theme::System && systemDark);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    // Style sheets resolve palette(base), palette(mid)… when they are applied, not when the
    // palette changes: while the console is open (a switch in Settings) each one is applied
    // again, or the navigation and cards keep the old palette's colours.
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (!widget->styleSheet().isEmpty())
            widget->setStyleSheet(widget->styleSheet());
    }
}

bool isDarkPalette()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x1e, 0x6f, 0xc8));
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22);
        painter.setPen(Qt::white);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(size * 0.62));
        painter.setFont(font);
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, u"V"_s);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace vox::ui
