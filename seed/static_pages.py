"""The static pages (flatpages, translated by modeltranslation) in the four languages, and the
list of them that the footer links to.

Written by the team for this site. They say what the site itself does (cookies, logs, how it is
checked) and nothing about the organisation beyond what the seed content says: the Office's
facts (address, e-mail, telephone, publisher, data controller) are the site settings', shown
below the text of the page the settings give each role (``role``, set by ``load``).
"""

from sitesettings.models import SiteSettings

LEGAL_NOTICE = {
    "key": "legal-notice",
    "url": "/pages/legal-notice/",
    "role": "legal_notice_page",
    "title": {
        "ar": "الإشعار القانوني",
        "en": "Legal notice",
        "fr": "Mentions légales",
        "es": "Aviso legal",
    },
    "content": {
        "ar": (
            "<h2>ما هو هذا الموقع</h2>"
            "<p>يعرض هذا الموقع صفحة «الإنتربول والاتحاد الأوروبي» باللغات العربية والإنكليزية والفرنسية والإسبانية: التعاون بين الإنتربول والاتحاد الأوروبي، ومكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي في بروكسل، ومجالات التعاون، والمشاريع الممولة من الاتحاد الأوروبي، ووكالات الاتحاد الأوروبي ومؤسساته الشريكة.</p>"
            "<h2>النصوص والترجمات</h2>"
            "<p>النص المصدر للمحتوى مكتوب بالعربية. والنصوص الإنكليزية والفرنسية والإسبانية ترجمات له. وعند وجود فرق بين لغتين، يكون النص العربي هو المرجع.</p>"
            "<h2>الأسماء</h2>"
            "<p>أسماء المنظمات والوكالات والمؤسسات المذكورة ملك لأصحابها.</p>"
            "<h2>الروابط إلى مواقع أخرى</h2>"
            "<p>تؤدي بعض الروابط إلى مواقع لا يديرها هذا الموقع، ولا يتحمل مسؤولية محتواها.</p>"
            "<h2>الخطوط</h2>"
            "<p>يستخدم الموقع خطَّي Noto Naskh Arabic وNoto Sans، وهما مرخَّصان بموجب رخصة SIL Open Font License 1.1، ويُقدَّمان من الموقع نفسه.</p>"
        ),
        "en": (
            "<h2>What this site is</h2>"
            "<p>This site presents the page “INTERPOL and the European Union” in Arabic, English, French and Spanish: the cooperation between INTERPOL and the European Union, the Office of INTERPOL’s Special Representative to the European Union in Brussels, the areas of cooperation, the EU-funded projects, and the EU agencies and institutions it works with.</p>"
            "<h2>Texts and translations</h2>"
            "<p>The source text of the content is written in Arabic. The English, French and Spanish texts are translations of it. Where two languages differ, the Arabic text is the reference.</p>"
            "<h2>Names</h2>"
            "<p>The names of the organisations, agencies and institutions mentioned belong to their owners.</p>"
            "<h2>Links to other sites</h2>"
            "<p>Some links lead to sites that this site does not run; it is not responsible for their content.</p>"
            "<h2>Fonts</h2>"
            "<p>The site uses the Noto Naskh Arabic and Noto Sans typefaces, licensed under the SIL Open Font License 1.1 and served by the site itself.</p>"
        ),
        "fr": (
            "<h2>Objet du site</h2>"
            "<p>Ce site présente la page « INTERPOL et l’Union européenne » en arabe, en anglais, en français et en espagnol : la coopération entre INTERPOL et l’Union européenne, le Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne à Bruxelles, les domaines de coopération, les projets financés par l’UE, ainsi que les agences et institutions de l’UE avec lesquelles INTERPOL travaille.</p>"
            "<h2>Textes et traductions</h2>"
            "<p>Le texte source du contenu est rédigé en arabe. Les textes anglais, français et espagnol en sont des traductions. En cas de différence entre deux langues, le texte arabe fait foi.</p>"
            "<h2>Noms</h2>"
            "<p>Les noms des organisations, agences et institutions mentionnées appartiennent à leurs titulaires.</p>"
            "<h2>Liens vers d’autres sites</h2>"
            "<p>Certains liens mènent à des sites que ce site ne gère pas ; il n’est pas responsable de leur contenu.</p>"
            "<h2>Polices de caractères</h2>"
            "<p>Le site utilise les polices Noto Naskh Arabic et Noto Sans, distribuées sous la licence SIL Open Font License 1.1 et servies par le site lui-même.</p>"
        ),
        "es": (
            "<h2>Qué es este sitio</h2>"
            "<p>Este sitio presenta la página «INTERPOL y la Unión Europea» en árabe, inglés, francés y español: la cooperación entre INTERPOL y la Unión Europea, la Oficina del Representante Especial de INTERPOL ante la Unión Europea en Bruselas, los ámbitos de cooperación, los proyectos financiados por la UE y las agencias e instituciones de la UE con las que colabora.</p>"
            "<h2>Textos y traducciones</h2>"
            "<p>El texto fuente del contenido está redactado en árabe. Los textos en inglés, francés y español son traducciones de él. Si dos idiomas difieren, el texto árabe es el de referencia.</p>"
            "<h2>Nombres</h2>"
            "<p>Los nombres de las organizaciones, agencias e instituciones mencionadas pertenecen a sus titulares.</p>"
            "<h2>Enlaces a otros sitios</h2>"
            "<p>Algunos enlaces llevan a sitios que este sitio no gestiona; no es responsable de su contenido.</p>"
            "<h2>Tipos de letra</h2>"
            "<p>El sitio utiliza los tipos de letra Noto Naskh Arabic y Noto Sans, distribuidos con la licencia SIL Open Font License 1.1 y servidos por el propio sitio.</p>"
        ),
    },
}

PRIVACY_NOTICE = {
    "key": "privacy",
    "url": "/pages/privacy/",
    "role": "privacy_notice_page",
    "title": {
        "ar": "إشعار الخصوصية",
        "en": "Privacy notice",
        "fr": "Protection des données personnelles",
        "es": "Aviso de privacidad",
    },
    "content": {
        "ar": (
            "<h2>ما يخزّنه الموقع</h2>"
            "<p>لا يطلب الموقع من زواره أي معلومات شخصية، ولا يحتوي على نماذج اشتراك أو تعليق، ولا يستخدم أدوات لقياس الجمهور أو للإعلان. وتُقدَّم جميع الملفات، بما فيها الخطوط، من الموقع نفسه، فلا يُرسل أي طلب إلى موقع آخر أثناء التصفح.</p>"
            "<h2>ملفات تعريف الارتباط (الكوكيز)</h2>"
            "<ul>"
            "<li><strong>ملف اللغة</strong> (django_language): يُحفظ فقط إذا اختار الزائر لغة عبر خاصية اختيار اللغة في الموقع، ليتذكّر هذا الاختيار. ولا يتضمن سوى رمز اللغة.</li>"
            "<li><strong>ملف الجلسة</strong> (sessionid) و<strong>ملف الحماية</strong> (csrftoken): يُحفظان فقط لأعضاء الفريق الذين يسجلون الدخول لتحرير المحتوى، لإبقائهم متصلين ولحماية النماذج. ولا يتلقاهما الزائر الذي يكتفي بالقراءة.</li>"
            "</ul>"
            "<h2>سجلات الخوادم</h2>"
            "<p>تحتفظ الخوادم التي تقدّم الموقع بسجلات تقنية للطلبات: الوقت، والصفحة المطلوبة، ونتيجة الطلب، وعنوان الشبكة وتعريف المتصفح المرسَلين مع الطلب. وتُستخدم هذه السجلات لتشغيل الموقع وحمايته وتصحيح أعطاله فقط.</p>"
            "<h2>عمليات البحث</h2>"
            "<p>لا تُحفظ عبارات البحث المكتوبة في الموقع إلا بقدر ما تظهر في عنوان الصفحة المسجّل في سجلات الخوادم.</p>"
        ),
        "en": (
            "<h2>What the site stores</h2>"
            "<p>The site asks its visitors for no personal information, has no sign-up or comment forms, and uses no audience measurement or advertising tools. Every file, fonts included, is served by the site itself, so browsing it sends no request to another site.</p>"
            "<h2>Cookies</h2>"
            "<ul>"
            "<li><strong>Language cookie</strong> (django_language): stored only if a visitor chooses a language through the site’s language setting, to remember that choice. It holds nothing but the language code.</li>"
            "<li><strong>Session cookie</strong> (sessionid) and <strong>security cookie</strong> (csrftoken): stored only for staff who sign in to edit the content, to keep them signed in and to protect forms. A visitor who only reads the site does not receive them.</li>"
            "</ul>"
            "<h2>Server logs</h2>"
            "<p>The servers that deliver the site keep technical logs of requests: the time, the page requested, the result, and the network address and browser identification sent with the request. These logs are used only to run the site, keep it secure and fix faults.</p>"
            "<h2>Searches</h2>"
            "<p>Searches typed into the site are not stored, except in so far as they appear in the page address recorded in the server logs.</p>"
        ),
        "fr": (
            "<h2>Ce que le site enregistre</h2>"
            "<p>Le site ne demande aucune information personnelle à ses visiteurs, ne comporte aucun formulaire d’inscription ou de commentaire et n’utilise aucun outil de mesure d’audience ni de publicité. Tous les fichiers, polices comprises, sont servis par le site lui-même : sa consultation n’envoie aucune requête à un autre site.</p>"
            "<h2>Cookies</h2>"
            "<ul>"
            "<li><strong>Cookie de langue</strong> (django_language) : enregistré uniquement si un visiteur choisit une langue au moyen du réglage de langue du site, pour mémoriser ce choix. Il ne contient que le code de la langue.</li>"
            "<li><strong>Cookie de session</strong> (sessionid) et <strong>cookie de sécurité</strong> (csrftoken) : enregistrés uniquement pour les membres de l’équipe qui se connectent pour modifier le contenu, afin de maintenir leur connexion et de protéger les formulaires. Un visiteur qui se contente de lire le site ne les reçoit pas.</li>"
            "</ul>"
            "<h2>Journaux des serveurs</h2>"
            "<p>Les serveurs qui diffusent le site conservent des journaux techniques des requêtes : l’heure, la page demandée, le résultat, ainsi que l’adresse réseau et l’identification du navigateur transmises avec la requête. Ces journaux servent uniquement à faire fonctionner le site, à le sécuriser et à corriger les pannes.</p>"
            "<h2>Recherches</h2>"
            "<p>Les recherches saisies sur le site ne sont pas conservées, sauf dans la mesure où elles figurent dans l’adresse de la page enregistrée dans les journaux des serveurs.</p>"
        ),
        "es": (
            "<h2>Qué guarda el sitio</h2>"
            "<p>El sitio no pide ninguna información personal a sus visitantes, no tiene formularios de registro ni de comentarios y no utiliza herramientas de medición de audiencia ni de publicidad. Todos los archivos, incluidos los tipos de letra, los sirve el propio sitio, de modo que navegar por él no envía ninguna solicitud a otro sitio.</p>"
            "<h2>Cookies</h2>"
            "<ul>"
            "<li><strong>Cookie de idioma</strong> (django_language): se guarda solo si un visitante elige un idioma mediante la opción de idioma del sitio, para recordar esa elección. Solo contiene el código del idioma.</li>"
            "<li><strong>Cookie de sesión</strong> (sessionid) y <strong>cookie de seguridad</strong> (csrftoken): se guardan solo para los miembros del equipo que inician sesión para editar el contenido, para mantener la sesión abierta y proteger los formularios. Quien solo lee el sitio no las recibe.</li>"
            "</ul>"
            "<h2>Registros de los servidores</h2>"
            "<p>Los servidores que sirven el sitio conservan registros técnicos de las solicitudes: la hora, la página solicitada, el resultado y la dirección de red y la identificación del navegador enviadas con la solicitud. Estos registros se usan únicamente para hacer funcionar el sitio, protegerlo y corregir fallos.</p>"
            "<h2>Búsquedas</h2>"
            "<p>Las búsquedas escritas en el sitio no se guardan, salvo en la medida en que aparecen en la dirección de la página anotada en los registros de los servidores.</p>"
        ),
    },
}

ACCESSIBILITY_STATEMENT = {
    "key": "accessibility",
    "url": "/pages/accessibility/",
    "title": {
        "ar": "بيان إمكانية الوصول",
        "en": "Accessibility statement",
        "fr": "Déclaration d’accessibilité",
        "es": "Declaración de accesibilidad",
    },
    "content": {
        "ar": (
            "<h2>هدفنا</h2>"
            "<p>نسعى إلى أن يكون هذا الموقع قابلاً للاستخدام من الجميع، وفق المستوى AA من إرشادات الوصول إلى محتوى الويب (WCAG 2.2)، باللغات الأربع وفي الاتجاهين: من اليمين إلى اليسار للعربية، ومن اليسار إلى اليمين لغيرها.</p>"
            "<h2>ما فعلناه</h2>"
            "<ul>"
            "<li>يمكن التنقل في كل صفحة بلوحة المفاتيح، مع رابط للانتقال مباشرة إلى المحتوى ومؤشر تركيز واضح.</li>"
            "<li>تعمل الصفحات دون JavaScript، وتتكيّف مع شاشات الهواتف.</li>"
            "<li>لكل صفحة عنوان رئيسي واحد، ومعالم واضحة (الترويسة، والتنقل، والمحتوى، والتذييل)، ولغة معلنة؛ والنصوص المعروضة بلغة أخرى تحمل لغتها واتجاهها.</li>"
            "<li>تُفحص كل أنواع الصفحات باللغات الأربع، في كل تعديل على الموقع، بأداتين مستقلتين: axe-core لإمكانية الوصول، ومدقق Nu HTML لصحة الشيفرة.</li>"
            "</ul>"
            "<h2>الحدود المعروفة</h2>"
            "<p>الفحص الآلي لا يكشف كل العوائق. وقد لا تكون بعض النصوص مترجمة بعد إلى كل اللغات، فتُعرض عندئذ بلغة أخرى مع إشعار بذلك.</p>"
            "<h2>أخبرنا</h2>"
            "<p>إذا واجهت عائقاً في هذا الموقع، فيُرجى الإبلاغ عنه عبر وسائل الاتصال المذكورة في صفحة الاتصال، مع ذكر عنوان الصفحة وما حدث.</p>"
        ),
        "en": (
            "<h2>Our aim</h2>"
            "<p>We want this site to be usable by everyone, to level AA of the Web Content Accessibility Guidelines (WCAG 2.2), in the four languages and in both directions: right to left for Arabic, left to right for the others.</p>"
            "<h2>What we have done</h2>"
            "<ul>"
            "<li>Every page can be used with a keyboard, with a link that skips to the content and a clearly visible focus indicator.</li>"
            "<li>The pages work without JavaScript and adapt to phone screens.</li>"
            "<li>Each page has one main heading, clear landmarks (header, navigation, content, footer) and a declared language; text shown in another language carries its own language and direction.</li>"
            "<li>Every kind of page, in the four languages, is checked on every change to the site by two independent tools: axe-core for accessibility and the Nu HTML Checker for valid markup.</li>"
            "</ul>"
            "<h2>Known limitations</h2>"
            "<p>Automated checks do not find every barrier. Some text may not yet be translated into every language; it is then shown in another language, with a notice saying so.</p>"
            "<h2>Tell us</h2>"
            "<p>If you meet a barrier on this site, please report it through the channels given on the contact page, with the address of the page and what happened.</p>"
        ),
        "fr": (
            "<h2>Notre objectif</h2>"
            "<p>Nous voulons que ce site soit utilisable par toutes et tous, au niveau AA des Règles pour l’accessibilité des contenus Web (WCAG 2.2), dans les quatre langues et dans les deux sens d’écriture : de droite à gauche pour l’arabe, de gauche à droite pour les autres.</p>"
            "<h2>Ce que nous avons fait</h2>"
            "<ul>"
            "<li>Chaque page s’utilise au clavier, avec un lien d’accès direct au contenu et un indicateur de focus bien visible.</li>"
            "<li>Les pages fonctionnent sans JavaScript et s’adaptent aux écrans de téléphone.</li>"
            "<li>Chaque page a un seul titre principal, des zones clairement identifiées (en-tête, navigation, contenu, pied de page) et une langue déclarée ; un texte affiché dans une autre langue porte sa propre langue et son sens d’écriture.</li>"
            "<li>Chaque type de page, dans les quatre langues, est vérifié à chaque modification du site par deux outils indépendants : axe-core pour l’accessibilité et le Nu HTML Checker pour la validité du code.</li>"
            "</ul>"
            "<h2>Limites connues</h2>"
            "<p>Les vérifications automatiques ne détectent pas tous les obstacles. Certains textes ne sont peut-être pas encore traduits dans toutes les langues ; ils sont alors affichés dans une autre langue, avec un avis qui le signale.</p>"
            "<h2>Signalez-nous un problème</h2>"
            "<p>Si vous rencontrez un obstacle sur ce site, merci de le signaler par les moyens indiqués sur la page de contact, en précisant l’adresse de la page et ce qui s’est passé.</p>"
        ),
        "es": (
            "<h2>Nuestro objetivo</h2>"
            "<p>Queremos que todas las personas puedan usar este sitio, con el nivel AA de las Pautas de Accesibilidad para el Contenido Web (WCAG 2.2), en los cuatro idiomas y en ambas direcciones: de derecha a izquierda para el árabe y de izquierda a derecha para los demás.</p>"
            "<h2>Qué hemos hecho</h2>"
            "<ul>"
            "<li>Todas las páginas se pueden usar con el teclado, con un enlace para saltar al contenido y un indicador de foco bien visible.</li>"
            "<li>Las páginas funcionan sin JavaScript y se adaptan a las pantallas de los teléfonos.</li>"
            "<li>Cada página tiene un único encabezado principal, zonas bien definidas (cabecera, navegación, contenido, pie de página) y un idioma declarado; el texto que se muestra en otro idioma lleva su propio idioma y dirección.</li>"
            "<li>Cada tipo de página, en los cuatro idiomas, se comprueba en cada cambio del sitio con dos herramientas independientes: axe-core para la accesibilidad y el Nu HTML Checker para la validez del código.</li>"
            "</ul>"
            "<h2>Limitaciones conocidas</h2>"
            "<p>Las comprobaciones automáticas no detectan todas las barreras. Puede que algunos textos aún no estén traducidos a todos los idiomas; en ese caso se muestran en otro idioma, con un aviso que lo indica.</p>"
            "<h2>Díganoslo</h2>"
            "<p>Si encuentra una barrera en este sitio, le rogamos que lo comunique por los medios indicados en la página de contacto, señalando la dirección de la página y lo que ocurrió.</p>"
        ),
    },
}

CONTACT = {
    "key": "contact",
    "url": "/pages/contact/",
    "role": "contact_page",
    "title": {
        "ar": "الاتصال",
        "en": "Contact",
        "fr": "Contact",
        "es": "Contacto",
    },
    "content": {
        "ar": (
            "<p>يتخذ مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي من بروكسل مقراً له.</p>"
            '<p>ويمكن أيضاً التواصل مع الإنتربول عبر وسائل الاتصال المذكورة في موقعه الرسمي: <a href="https://www.interpol.int/ar" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>للإبلاغ عن خطأ في هذا الموقع أو عن عائق يحول دون استخدامه، يُرجى التواصل مع المكتب مع ذكر عنوان الصفحة المعنية.</p>"
        ),
        "en": (
            "<p>The Office of INTERPOL’s Special Representative to the European Union is based in Brussels.</p>"
            '<p>INTERPOL can also be reached through the contact channels listed on its official website: <a href="https://www.interpol.int/en" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>To report an error on this site or a barrier that keeps you from using it, please contact the Office and give the address of the page concerned.</p>"
        ),
        "fr": (
            "<p>Le Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne est installé à Bruxelles.</p>"
            '<p>INTERPOL peut aussi être joint par les moyens de contact indiqués sur son site officiel : <a href="https://www.interpol.int/fr" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>Pour signaler une erreur sur ce site ou un obstacle qui vous empêche de l’utiliser, merci de contacter le Bureau en indiquant l’adresse de la page concernée.</p>"
        ),
        "es": (
            "<p>La Oficina del Representante Especial de INTERPOL ante la Unión Europea tiene su sede en Bruselas.</p>"
            '<p>También se puede contactar con INTERPOL a través de los medios de contacto indicados en su sitio web oficial: <a href="https://www.interpol.int/es" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>Para señalar un error en este sitio o una barrera que le impida usarlo, póngase en contacto con la Oficina e indique la dirección de la página en cuestión.</p>"
        ),
    },
}

# The footer links to these, in this order; the seed loader creates them.
STATIC_PAGES = [LEGAL_NOTICE, PRIVACY_NOTICE, ACCESSIBILITY_STATEMENT, CONTACT]


def load(report, update=False):
    """Create the static pages on the current site, or fill in their missing languages; with
    ``update``, also overwrite languages whose text differs from the seed. Saves nothing when
    nothing differs, so a second run changes no row."""
    from django.conf import settings
    from django.contrib.flatpages.models import FlatPage
    from django.contrib.sites.models import Site

    site = Site.objects.get(pk=settings.SITE_ID)
    for spec in STATIC_PAGES:
        page = FlatPage.objects.filter(url=spec["url"]).first()
        adding = page is None
        if adding:
            page = FlatPage(url=spec["url"])
        dirty = adding
        for field in ("title", "content"):
            for language, value in spec[field].items():
                name = f"{field}_{language}"
                current = getattr(page, name) or ""
                if current != value and (update or not current):
                    setattr(page, name, value)
                    dirty = True
        if dirty:
            page.save()
            (report.created if adding else report.updated).append(f"flatpage {spec['key']}")
        else:
            report.unchanged += 1
        if not page.sites.filter(pk=site.pk).exists():
            page.sites.add(site)
        if "role" in spec:
            _give_role(spec, page, site, report, update, adding)


def _give_role(spec, page, site, report, update, adding):
    """The settings name this page for its role (the facts it shows) when they name none, or
    another page and ``update``. A page just created getting its role is part of creating it."""
    record = SiteSettings.objects.filter(site=site).first()
    current = getattr(record, f"{spec['role']}_id", None) if record else None
    if record is None or current == page.pk or (current is not None and not update):
        return
    setattr(record, f"{spec['role']}_id", page.pk)
    record.save(update_fields=[f"{spec['role']}_id"])
    (report.created if adding else report.updated).append(f"site settings {spec['role']}")
