#include "ui/widgets/codedisplay.h"

#include <QFontDatabase>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

CodeDisplay::CodeDisplay(double scale, QWidget *parent)
    : QLabel(parent)
{
    setProperty("codeDisplay", true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * scale);
    mono.setBold(true);
    mono.setLetterSpacing(QFont::PercentageSpacing, 112);
    setFont(mono);
    setAlignment(Qt::AlignCenter);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(u"QLabel[codeDisplay=\"true\"] { background: palette(base); border: 1px solid "
                  "palette(mid); border-radius: 8px; padding: 12px 18px; }"_s);
}

void CodeDisplay::setCode(const QString &code)
{
    m_code = code;
    setText(code);
}

} // namespace vox::ui
