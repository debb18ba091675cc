#include "ui/widgets/appointmentcalendar.h"

#include "ui/models/displayformat.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, double amountOfB)
{
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

int minutesOf(const QString &hhmm)
{
    if (hhmm == u"24:00")
        return 24 * 60;
    const QTime time = QTime::fromString(hhmm, u"HH:mm"_s);
    return time.isValid() ? time.hour() * 60 + time.minute() : -1;
}

} // namespace

// The grid's measures, from the font so that two lines of a half-hour appointment fit in any
// language and size.
struct GridMetrics
{
    int gutter;
    int header;
    int hourHeight;

    explicit GridMetrics(const QFontMetrics &fm)
        : gutter(fm.horizontalAdvance(u"00:00"_s) + 16)
        , header(fm.height() + 14)
        , hourHeight(2 * (2 * fm.height() + 8))
    {}
};

// The day names above the grid; it stays in place while the hours scroll under it.
class CalendarHeader final : public QWidget
{
public:
    explicit CalendarHeader(AppointmentCalendar &calendar)
        : QWidget(&calendar)
        , m_calendar(calendar)
    {}

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const GridMetrics m(fontMetrics());
        painter.fillRect(rect(), palette().window());
        const int days = std::max(1, m_calendar.dayCount());
        const double column = double(width() - m.gutter) / days;
        for (int d = 0; d < days; ++d) {
            const QDate date = m_calendar.firstDay().addDays(d);
            const QRect cell(m.gutter + int(d * column), 0, int(column), height());
            QFont font = painter.font();
            const bool today = date == m_calendar.today();
            font.setBold(today);
            painter.setFont(font);
            painter.setPen(today ? DisplayFormat::tone(DisplayFormat::Tone::Accent)
                                 : palette().color(QPalette::WindowText));
            // The day's pattern is the translator's: Spanish says "martes, 8 de diciembre".
            const QString text = QLocale().toString(
                date, days == 1 ? AppointmentCalendar::tr("dddd d MMMM", "date pattern of a day")
                                : u"ddd d MMM"_s);
            painter.drawText(
                cell.adjusted(4, 0, -4, 0), Qt::AlignCenter,
                painter.fontMetrics().elidedText(text, Qt::ElideRight, cell.width() - 8));
        }
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(0, height() - 1, width(), height() - 1);
    }

private:
    AppointmentCalendar &m_calendar;
};

// The hours and days under the blocks: lines each hour, closed times shaded.
class CalendarCanvas final : public QWidget
{
public:
    explicit CalendarCanvas(AppointmentCalendar &calendar)
        : QWidget(nullptr)
        , m_calendar(calendar)
    {
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
    }

    double columnWidth() const
    {
        return double(width() - GridMetrics(fontMetrics()).gutter) /
               std::max(1, m_calendar.dayCount());
    }
    // Room above the first line for half of its hour's label.
    int topMargin() const { return fontMetrics().height() / 2 + 2; }
    // At least the font's measure; taller when the view has room, so the day fills a large
    // screen instead of ending halfway down it.
    int hourHeight() const
    {
        const auto [first, last] = m_calendar.hours();
        const int minimum = GridMetrics(fontMetrics()).hourHeight;
        const int hours = std::max(1, last - first);
        return std::max(minimum, (height() - topMargin() - 8) / hours);
    }
    int yOf(int minute) const
    {
        return topMargin() + (minute - m_calendar.hours().first * 60) * hourHeight() / 60;
    }
    QSize minimumSizeHint() const override
    {
        const GridMetrics m(fontMetrics());
        const auto [first, last] = m_calendar.hours();
        return {m.gutter + m_calendar.dayCount() * 64,
                topMargin() + std::max(1, last - first) * m.hourHeight + 8};
    }
    QSize sizeHint() const override { return minimumSizeHint(); }

protected:
    void resizeEvent(QResizeEvent *) override { m_calendar.layOutBlocks(); }

    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const GridMetrics m(fontMetrics());
        const auto [first, last] = m_calendar.hours();
        const int days = std::max(1, m_calendar.dayCount());
        const double column = columnWidth();
        const QColor text = palette().color(QPalette::Text);
        const QColor closed = mix(palette().color(QPalette::Base), text, 0.07);
        for (int d = 0; d < days; ++d) {
            const int weekday = m_calendar.firstDay().addDays(d).dayOfWeek();
            const int x = m.gutter + int(d * column);
            // Shade all of it, then clear the opening periods.
            painter.fillRect(
                QRect(x, yOf(first * 60), int(column), yOf(last * 60) - yOf(first * 60)), closed);
            for (const OpeningPeriod &p : m_calendar.m_openingHours) {
                const int opens = minutesOf(p.opensAt);
                const int closes = minutesOf(p.closesAt);
                if (p.weekday != weekday || opens < 0 || closes <= opens)
                    continue;
                painter.fillRect(QRect(x, yOf(opens), int(column), yOf(closes) - yOf(opens)),
                                 palette().base());
            }
        }
        const QColor line = mix(palette().color(QPalette::Base), text, 0.22);
        const QColor halfLine = mix(palette().color(QPalette::Base), text, 0.1);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        for (int hour = first; hour <= last; ++hour) {
            const int y = yOf(hour * 60);
            painter.setPen(line);
            painter.drawLine(m.gutter - 4, y, width(), y);
            if (hour < last) {
                painter.setPen(halfLine);
                painter.drawLine(m.gutter, yOf(hour * 60 + 30), width(), yOf(hour * 60 + 30));
            }
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(
                QRect(0, y - fontMetrics().height() / 2, m.gutter - 8, fontMetrics().height()),
                Qt::AlignRight | Qt::AlignVCenter, u"%1:00"_s.arg(hour % 24, 2, 10, QChar(u'0')));
        }
        painter.setPen(line);
        for (int d = 0; d <= days; ++d) {
            const int x = m.gutter + int(d * column);
            painter.drawLine(x, yOf(first * 60), x, yOf(last * 60));
        }
    }

private:
    AppointmentCalendar &m_calendar;
};

AppointmentBlock::AppointmentBlock(const AppointmentRecord &appointment, QWidget *parent)
    : QAbstractButton(parent)
    , m_appointment(appointment)
{
    setObjectName(u"appointmentBlock"_s);
    setCheckable(false);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(summary());
    setAccessibleDescription(tr("Shows the appointment below, to move, cancel or remind"));
    setToolTip(summary());
}

void AppointmentBlock::setBoldName(bool bold)
{
    if (m_boldName == bold)
        return;
    m_boldName = bold;
    update();
}

void AppointmentBlock::setSelected(bool selected)
{
    m_selected = selected;
    update();
}

QString AppointmentBlock::summary() const
{
    const QString times = DisplayFormat::time(m_appointment.scheduledTime) + u"–"_s +
                          DisplayFormat::time(m_appointment.endsAt.isValid()
                                                  ? m_appointment.endsAt
                                                  : m_appointment.scheduledTime.addSecs(
                                                        m_appointment.durationMinutes * 60));
    const QString text =
        tr("%1, %2, %3").arg(times, m_appointment.contactName, m_appointment.serviceName);
    return m_appointment.isActive()
               ? text
               : tr("%1 (%2)").arg(
                     text, DisplayFormat::appointmentStatus(m_appointment.status).toLower());
}

void AppointmentBlock::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool cancelled = m_appointment.status == u"cancelled";
    const bool selected = m_selected;
    const QPalette &pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    QColor fill = mix(pal.color(QPalette::Base), accent, 0.2);
    QColor ink = pal.color(QPalette::Text);
    if (selected) {
        fill = accent;
        ink = pal.color(QPalette::HighlightedText);
    } else if (cancelled) {
        fill = pal.color(QPalette::Base);
        ink = pal.color(QPalette::PlaceholderText);
    } else if (!m_appointment.isActive()) {
        fill = mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.08);
    }
    const QRectF box = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    QPainterPath path;
    path.addRoundedRect(box, 4, 4);
    painter.fillPath(path, fill);
    QPen edge(cancelled ? pal.color(QPalette::PlaceholderText) : accent, hasFocus() ? 2.5 : 1);
    if (cancelled)
        edge.setStyle(Qt::DashLine);
    painter.setPen(edge);
    painter.drawPath(path);

    // The patient's name first and whole as long as the column allows: it is what the desk looks
    // for, and the grid already says the hour.
    const QString times = DisplayFormat::time(m_appointment.scheduledTime);
    const QString first = m_appointment.contactName;
    const QString second = times + u" · "_s +
                           (cancelled ? tr("Cancelled · %1").arg(m_appointment.serviceName)
                                      : m_appointment.serviceName);
    const QRect area = rect().adjusted(6, 3, -5, -3);
    QFont font = painter.font();
    font.setStrikeOut(cancelled);
    // Bold when every name on the grid fits so (the calendar decides, so blocks look alike); a
    // narrow week column keeps the names whole instead.
    font.setBold(!cancelled && m_boldName);
    painter.setFont(font);
    painter.setPen(ink);
    const QFontMetrics fm(font);
    if (area.height() >= 2 * fm.height()) {
        painter.drawText(QRect(area.left(), area.top(), area.width(), fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(first, Qt::ElideRight, area.width()));
        font.setBold(false);
        font.setStrikeOut(false);
        painter.setFont(font);
        painter.drawText(QRect(area.left(), area.top() + fm.height(), area.width(), fm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(second, Qt::ElideRight, area.width()));
    } else {
        painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(first + u" · "_s + second, Qt::ElideRight, area.width()));
    }
}

AppointmentCalendar::AppointmentCalendar(QWidget *parent)
    : QScrollArea(parent)
    , m_canvas(new CalendarCanvas(*this))
    , m_header(new CalendarHeader(*this))
{
    setObjectName(u"appointmentCalendar"_s);
    setAccessibleName(tr("Appointments on a time grid"));
    setAccessibleDescription(tr("The appointments of the days shown, by time; closed hours are "
                                "shaded"));
    setWidget(m_canvas);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_header->setObjectName(u"calendarHeader"_s);
    setViewportMargins(0, GridMetrics(fontMetrics()).header, 0, 0);
    m_first = QDate::currentDate();
    rebuild();
}

void AppointmentCalendar::setDays(const QDate &first, int count)
{
    if (first != m_first || std::max(1, count) != m_days)
        m_scrollToFirst = true;
    m_first = first;
    m_days = std::max(1, count);
    rebuild();
}

void AppointmentCalendar::setOpeningHours(const QList<OpeningPeriod> &hours)
{
    m_openingHours = hours;
    rebuild();
}

void AppointmentCalendar::setAppointments(const QList<AppointmentRecord> &appointments)
{
    m_appointments = appointments;
    rebuild();
}

void AppointmentCalendar::setToday(const QDate &today)
{
    m_today = today;
    m_header->update();
}

void AppointmentCalendar::setSelectedId(const QString &id)
{
    m_selectedId = id;
    for (AppointmentBlock *block : std::as_const(m_blocks)) {
        block->setSelected(block->appointment().id == id);
    }
    if (AppointmentBlock *block = blockOf(id))
        ensureWidgetVisible(block, 0, 24);
}

AppointmentBlock *AppointmentCalendar::blockOf(const QString &id) const
{
    for (AppointmentBlock *block : m_blocks)
        if (block->appointment().id == id)
            return block;
    return nullptr;
}

void AppointmentCalendar::rebuild()
{
    qDeleteAll(m_blocks);
    m_blocks.clear();
    QList<calendar::Item> items;
    for (const AppointmentRecord &a : std::as_const(m_appointments))
        items << calendar::Item{
            a.scheduledTime,
            a.endsAt.isValid() ? a.endsAt : a.scheduledTime.addSecs(a.durationMinutes * 60)};
    const QTimeZone zone = DisplayFormat::clinicTimeZone();
    m_placed = calendar::place(items, m_first, m_days, zone);
    const auto hours = calendar::hoursShown(m_openingHours, m_first, m_days, m_placed);
    // Other hours (the opening hours just arrived) move every block: place the view again.
    if (hours != m_hours)
        m_scrollToFirst = true;
    m_hours = hours;
    for (const calendar::Placement &p : std::as_const(m_placed)) {
        auto *block = new AppointmentBlock(m_appointments[p.item], m_canvas);
        const QString id = m_appointments[p.item].id;
        connect(block, &QAbstractButton::clicked, this, [this, id] { emit appointmentChosen(id); });
        m_blocks << block;
        block->show();
    }
    setSelectedId(m_selectedId);
    m_canvas->updateGeometry();
    layOutBlocks();
    m_canvas->update();
    m_header->update();
    // The scroll range follows the canvas's new size only once the layout has run.
    QTimer::singleShot(0, this, &AppointmentCalendar::scrollToFirstAppointment);
}

void AppointmentCalendar::scrollToFirstAppointment()
{
    // Once per day or week shown, when its appointments are in: the view opens on the first of
    // them (half an hour above it), not on an empty morning with the afternoon out of sight.
    // Later refreshes leave the desk's own scrolling alone.
    // Hidden (the list is shown) the sizes are not the grid's yet: wait until it shows.
    if (!m_scrollToFirst || m_placed.isEmpty() || !isVisible())
        return;
    const auto earliest =
        std::min_element(m_placed.cbegin(), m_placed.cend(),
                         [](const calendar::Placement &a, const calendar::Placement &b) {
                             return a.startMinute < b.startMinute;
                         });
    const int halfHour = m_canvas->hourHeight() / 2;
    const int target = std::max(0, m_canvas->yOf(earliest->startMinute) - halfHour);
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(target);
    if (AppointmentBlock *block = blockOf(m_selectedId))
        ensureWidgetVisible(block, 0, 24);
    // The scroll range follows the layout one pass late: done once the canvas has its height.
    if (m_canvas->height() >= m_canvas->minimumSizeHint().height())
        m_scrollToFirst = bar->value() != std::min(target, bar->maximum());
}

void AppointmentCalendar::showEvent(QShowEvent *event)
{
    QScrollArea::showEvent(event);
    QTimer::singleShot(0, this, &AppointmentCalendar::scrollToFirstAppointment);
}

void AppointmentCalendar::layOutBlocks()
{
    const GridMetrics m(m_canvas->fontMetrics());
    const double column = m_canvas->columnWidth();
    for (qsizetype i = 0; i < m_placed.size() && i < m_blocks.size(); ++i) {
        const calendar::Placement &p = m_placed[i];
        const double lane = (column - 6) / p.lanes;
        const int x = m.gutter + int(p.day * column + 2 + p.lane * lane);
        const int top = m_canvas->yOf(p.startMinute);
        // Never shorter than one line, so a five-minute booking can still be read and clicked.
        const int bottom =
            std::max(m_canvas->yOf(p.endMinute), top + m_canvas->fontMetrics().height() + 8);
        m_blocks[i]->setGeometry(x, top, int(lane), bottom - top);
    }
    QFont bold = m_canvas->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const bool allFit = std::all_of(m_blocks.cbegin(), m_blocks.cend(), [&](AppointmentBlock *b) {
        return boldMetrics.horizontalAdvance(b->appointment().contactName) <= b->width() - 11;
    });
    for (AppointmentBlock *block : std::as_const(m_blocks))
        block->setBoldName(allFit);
}

void AppointmentCalendar::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    scrollToFirstAppointment();
    const QRect area = viewport()->geometry();
    m_header->setGeometry(area.left(), area.top() - GridMetrics(fontMetrics()).header, area.width(),
                          GridMetrics(fontMetrics()).header);
}

void AppointmentCalendar::changeEvent(QEvent *event)
{
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::LanguageChange) {
        setViewportMargins(0, GridMetrics(fontMetrics()).header, 0, 0);
        rebuild();
    }
}

} // namespace vox::ui
