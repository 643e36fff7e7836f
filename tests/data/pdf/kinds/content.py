"""The hand-written text of the layout fixtures (``make_kinds.py``).

Each document is a list of *units* (a panel, a card, a bio, a full-width
stretch) in the order a reader reads them: top to bottom, and right to left
where units sit side by side. A unit is a list of ``(kind, text)`` pairs:

* ``"h"`` — a heading; ``"p"`` — a paragraph; ``"li"`` — a list item;
* ``"lines"`` — lines with hard breaks between them (an address), the text
  holding one line per ``\\n``.

The tests compare what the PDF reader gives with these texts (the source of
truth), never with an earlier output of the reader.
"""

from __future__ import annotations

Unit = list[tuple[str, str]]

TRIFOLD: list[Unit] = [
    [
        ("h", "من نحن"),
        ("p", "المنظمة الدولية للهجرة هي المنظمة الحكومية الدولية الرائدة في مجال الهجرة منذ عام 1951، "
              "وتعمل مع شركائها من الحكومات والمجتمع المدني في أكثر من مئة بلد."),
        ("p", "تلتزم المنظمة بمبدأ أن الهجرة الإنسانية والمنظمة تفيد المهاجرين والمجتمعات على حد سواء."),
    ],
    [
        ("h", "ماذا نقدم"),
        ("li", "المساعدة على العودة الطوعية وإعادة الإدماج"),
        ("li", "تدريب موظفي الحدود على إدارة الهجرة"),
        ("li", "دعم الحوار الإقليمي بين الدول"),
        ("p", "تقدم هذه الخدمات بالتعاون مع السلطات الوطنية في كل بلد، ووفق أولوياته في التنمية."),
    ],
    [
        ("h", "تواصل معنا"),
        ("p", "المنظمة الدولية للهجرة"),
        ("lines", "17 route des Morillons\nP.O. Box 17\n1211 Geneva 19\nSwitzerland"),
        ("p", "الهاتف: +41 22 717 91 11"),
        ("p", "البريد الإلكتروني: hq@iom.int"),
    ],
]

CARDS_TITLE: Unit = [
    ("h", "خدماتنا في المنطقة"),
    ("p", "تعمل المكاتب الإقليمية في أربعة مجالات رئيسية تكمل بعضها بعضاً، ونلخصها فيما يلي."),
]
CARDS: list[Unit] = [
    [("h", "الحماية"), ("p", "نقدم الحماية والمساعدة المباشرة للمهاجرين المستضعفين، ولا سيما الأطفال غير المصحوبين وضحايا الاتجار بالبشر.")],
    [("h", "الصحة"), ("p", "ننظم الفحوص الطبية قبل السفر ونساعد الدول على إدراج صحة المهاجرين في خططها الوطنية للرعاية الصحية.")],
    [("h", "العمل والتنقل"), ("p", "نربط بين أصحاب العمل والعمال المهاجرين عبر برامج توظيف عادلة تحترم حقوق العمال وتحد من الاستغلال.")],
    [("h", "البيانات والبحوث"), ("p", "نجمع البيانات عن حركة السكان وننشر تقارير دورية تساعد صناع القرار على فهم اتجاهات الهجرة.")],
]
CARDS_FOOT: Unit = [
    ("p", "للاطلاع على المزيد من المعلومات، يرجى زيارة الموقع الإلكتروني www.iom.int أو الاتصال بأقرب مكتب إقليمي."),
]

# Feature blocks in a 2×2 grid without boxes: only white space between them.
FEATURES_TITLE: Unit = [("h", "لماذا نعمل معاً")]
FEATURES: list[Unit] = [
    [("h", "خبرة طويلة"), ("p", "أكثر من سبعين عاماً من العمل الميداني مع الحكومات والمجتمعات في كل القارات.")],
    [("h", "شبكة واسعة"), ("p", "مكاتب في معظم دول العالم تتيح الاستجابة السريعة لاحتياجات المهاجرين والمجتمعات المضيفة.")],
    [("h", "شراكات متينة"), ("p", "تعاون وثيق مع وكالات الأمم المتحدة والمنظمات الإقليمية والمجتمع المدني.")],
    [("h", "بيانات موثوقة"), ("p", "تقارير وإحصاءات دورية تدعم صنع السياسات المبنية على الأدلة في مجال الهجرة.")],
]

GRID_TITLE: Unit = [("h", "المنظمة في أرقام")]
GRID: list[Unit] = [
    [("h", "مكاتب ميدانية"), ("p", "أكثر من 590 مكتباً في أنحاء العالم.")],
    [("h", "الدول الأعضاء"), ("p", "175 دولة عضواً و8 دول مراقبة.")],
    [("h", "الموظفون"), ("p", "نحو 20 ألف موظف في الميدان.")],
    [("h", "المشاريع"), ("p", "3200 مشروع قيد التنفيذ هذا العام.")],
    [("h", "المستفيدون"), ("p", "ملايين المهاجرين والنازحين سنوياً.")],
    [("h", "الشركاء"), ("p", "حكومات ومنظمات دولية ومجتمع مدني.")],
    [("h", "التدريب"), ("p", "دورات لموظفي الحدود والقنصليات.")],
    [("h", "البحوث"), ("p", "تقرير الهجرة في العالم كل عامين.")],
    [("h", "الطوارئ"), ("p", "استجابة سريعة للأزمات والكوارث.")],
]

BIOS_TITLE: Unit = [("h", "فريق العمل")]
BIOS: list[Unit] = [
    [
        ("h", "الدكتورة سلمى الحسيني"),
        ("p", "مديرة برنامج الهجرة والتنمية"),
        ("p", "عملت في مجال الهجرة أكثر من خمسة عشر عاماً في الأردن ولبنان، وقادت برامج لدعم المجتمعات "
              "المضيفة للاجئين وتنمية قدراتها المحلية."),
    ],
    [
        ("h", "السيد كريم بن علي"),
        ("p", "منسق الشراكات الإقليمية"),
        ("p", "يتولى التنسيق مع الآليات الإقليمية للتشاور بشأن الهجرة في شمال أفريقيا، وله خبرة واسعة في "
              "إعداد الاجتماعات الوزارية وصياغة توصياتها."),
    ],
]
BIOS_FOOT: Unit = [
    ("h", "الاجتماع القادم"),
    ("p", "يعقد الاجتماع القادم للفريق في القاهرة في شهر آذار/ مارس، ويناقش خطة العمل للعامين المقبلين "
          "وأولويات التمويل في المنطقة."),
]

# Kind 2: a decorative copy of a heading drawn faintly behind it, and a large
# faint number behind a card's title. The decoration is not text to read.
OVERLAP: list[Unit] = [
    [("h", "برنامج التدريب الإقليمي"),
     ("p", "يهدف البرنامج إلى بناء قدرات المؤسسات الوطنية في إدارة الحدود وحماية حقوق المهاجرين، "
           "ويجمع المدربين من بلدان المنطقة في دورات مشتركة.")],
    [("h", "المرحلة الأولى"),
     ("p", "تبدأ المرحلة الأولى في شهر أيلول/ سبتمبر وتستمر ستة أشهر في ثلاث عواصم.")],
    [("h", "المرحلة الثانية"),
     ("p", "تركز المرحلة الثانية على تبادل الخبرات بين الدول وإعداد دليل تدريبي موحد.")],
]
# The faint decoration drawn behind OVERLAP's units (same order): the copy
# of the heading, and the big number behind each phase title.
OVERLAP_DECOR = ["برنامج التدريب الإقليمي", "01", "02"]

# Kind 2 with solid text: a heading with a shadow (the same text again, a
# few points off, in grey), and a badge set over the end of a heading.
SHADOW: list[Unit] = [
    [("h", "دليل الإجراءات القنصلية"),
     ("p", "يشرح الدليل خطوات إصدار الوثائق للمهاجرين العائدين ويحدد المهل القانونية لكل إجراء.")],
    [("h", "ورشة العمل الإقليمية"),
     ("p", "تعقد الورشة في عمّان بمشاركة ممثلين عن وزارات العمل والداخلية في خمس دول.")],
]
BADGE = "جديد"

# Kind 3: Latin and numbers inside a right-to-left page.
CONTACTS: list[Unit] = [
    [("h", "معلومات الاتصال"),
     ("p", "يمكن تحميل التقرير السنوي الكامل من موقعنا بصيغة PDF"),
     ("p", "للاستفسارات العامة يرجى الاتصال بالرقم +41 22 717 91 11"),
     ("p", "The Arabic word هجرة means migration."),
     ("p", "المنظمة الدولية للهجرة"),
     ("lines", "17 route des Morillons\nP.O. Box 17\n1211 Geneva 19\nSwitzerland"),
     ("p", "الهاتف: +41 22 717 91 11"),
     ("p", "الفاكس: +41 22 798 61 50")],
]
# Two offices side by side (Geneva on the right, read first).
OFFICES: list[Unit] = [
    [("h", "المقر الرئيسي"),
     ("lines", "P.O. Box 17\n1211 Geneva 19\nSwitzerland"),
     ("p", "هاتف: +41 22 717 91 11")],
    [("h", "المكتب الإقليمي"),
     ("lines", "47 Abbas El Akkad Street\nNasr City, Cairo\nEgypt"),
     ("p", "هاتف: +20 2 2736 5140")],
]

# Kind 3, directions mixed on one page: the Geneva address typed in the
# page's right-to-left paragraphs, the Paris one and an English note in
# left-to-right ones (``lines_ltr``, ``p_ltr``). Lines with a leading number
# or a final full stop show their direction; the others must not follow
# them blindly.
MIXED: list[Unit] = [
    [("h", "مكاتب الاتصال"),
     ("p", "مكتب جنيف"),
     ("lines", "P.O. Box 17\n1211 Geneva 19\nSwitzerland"),
     ("p", "مكتب باريس"),
     ("lines_ltr", "2 Rue Lemaire\n75001 Paris\nFrance"),
     ("p_ltr", "Both offices are open from Monday to Friday."),
     ("p_ltr", "Visits by appointment only."),
     ("p", "ترسل الطلبات إلى أحد المكتبين حسب بلد الإقامة.")],
]

# Kind 6: justified Arabic whose words a producer stretches (kashida,
# letter spacing): no word may be cut by the gaps inside it.
JUSTIFIED: list[Unit] = [
    [("h", "التعاون الإقليمي"),
     ("p", "تمثل الآليات الاستشارية الإقليمية منتديات غير رسمية تجمع ممثلي الدول لتبادل المعلومات والخبرات "
           "بشأن الهجرة، وتسهم في بناء الثقة والتكامل بين السياسات الوطنية، وتقدم المنظمة لها الدعم "
           "الاستشاري والتقني بناء على طلب الدول الأعضاء."),
     ("p", "وقد أسهمت هذه الآليات في تحسين التنسيق بين الدول المرسلة والمستقبلة، وفي اعتماد خطط عمل "
           "مشتركة لمكافحة الاتجار بالبشر وحماية العمال المهاجرين وتيسير الهجرة النظامية والآمنة.")],
]

# Kind 7: text flowing in columns (CSS ``column-count``, a LibreOffice
# section in columns) with a heading at the top of each column, so the
# column tops are two headings side by side: on one baseline when the
# headings have no space above them, a few points apart when the producer
# keeps a heading's top margin in the first column and drops it at the
# column break. Each page has two such stretches between full-width text;
# FLOW_SHARED's two units start the columns of the first (the first column
# the longer, a second heading of its own below the other column's end),
# FLOW_OFFSET's of the second.
FLOW_TITLE: Unit = [
    ("h", "نشرة جمعية الساحل للتنمية"),
    ("p", "تصدر النشرة كل ثلاثة أشهر وتعرض أخبار المشاريع والمواعيد القادمة."),
]
FLOW_SHARED: list[Unit] = [
    [
        ("h", "كلمة المديرة"),
        ("p", "شهد هذا الفصل توسعاً في أعمال الجمعية، إذ افتتحنا مركزين جديدين للتدريب المهني في القرى "
              "الساحلية واستقبلنا أكثر من ثلاثمئة متدرب ومتدربة في دورات الخياطة والنجارة وصيانة الهواتف."),
        ("h", "مركز ثالث"),
        ("p", "يفتتح المركز الثالث في قرية الصيادين مطلع العام القادم."),
    ],
    [
        ("h", "مشروع المياه"),
        ("p", "أنجز فريق المشروع حفر ثلاث آبار جديدة ومد شبكة أنابيب بطول أربعة كيلومترات، وتستفيد منها "
              "الآن نحو ستمئة أسرة كانت تنقل الماء من مسافات بعيدة."),
    ],
]
FLOW_MIDDLE: Unit = [
    ("p", "نشكر جميع المتطوعين الذين ساهموا في هذه الأعمال، ونرحب بالمتطوعين الجدد في كل فروع الجمعية."),
]
FLOW_OFFSET: list[Unit] = [
    [
        ("h", "الأنشطة القادمة"),
        ("li", "معرض المنتجات الحرفية في الساحة العامة"),
        ("li", "يوم طبي مجاني لكبار السن"),
        ("li", "حملة تنظيف الشاطئ مع طلاب المدارس"),
    ],
    [
        ("h", "مواعيد التسجيل"),
        ("p", "يبدأ التسجيل في الدورات الجديدة يوم الأحد الأول من الشهر القادم ويستمر أسبوعين، "
              "ويتم في مقر الجمعية من الساعة التاسعة صباحاً حتى الثانية ظهراً."),
    ],
]
FLOW_FOOT: Unit = [
    ("p", "للتواصل: مقر الجمعية، شارع الميناء، بجانب مكتب البريد."),
]
# The same text in three newspaper columns on a baseline grid, under a
# note set across the page.
NEWS_FOOT: Unit = [
    ("p", "تصدر النشرة القادمة في بداية الربع الثاني من العام، ونستقبل اقتراحاتكم ومشاركاتكم في مقر الجمعية "
          "أو عبر البريد الإلكتروني حتى نهاية الشهر القادم."),
]
