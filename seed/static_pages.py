"""The static pages (flatpages, translated by modeltranslation) in the four languages, and the
list of them that the footer links to.

Written by the team for this site, in the Office's name. They say what the site itself does
(cookies, logs, how it is checked) and nothing about the organization beyond what the seed
content says. The facts only the Office can give (its address, e-mail and telephone, the
publisher, the data controller, the data-protection contact, how long server logs are kept)
are not in these texts: they are the site settings', shown at the head of the page the
settings give each role (``role``, set by ``load``), and said to be missing while empty.
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
            "<h2>نبذة عن الموقع</h2>"
            "<p>يعرض هذا الموقع صفحة «الإنتربول والاتحاد الأوروبي» باللغات العربية والإنجليزية والفرنسية والإسبانية، ويتناول التعاون بين الإنتربول والاتحاد الأوروبي، وعمل مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي في بروكسل، ومجالات التعاون، والمشاريع الممولة من الاتحاد الأوروبي، ووكالات الاتحاد الأوروبي ومؤسساته وهيئاته التي يتعاون معها الإنتربول.</p>"
            "<h2>النسخ اللغوية</h2>"
            "<p>يُحرَّر محتوى هذا الموقع باللغة العربية، والنسخ الإنجليزية والفرنسية والإسبانية ترجمات له. وفي حال وجود اختلاف بين النسخ اللغوية، تكون الحجية للنسخة العربية.</p>"
            "<h2>الأسماء والشعارات</h2>"
            "<p>أسماء المنظمات والوكالات والمؤسسات والهيئات المذكورة في هذا الموقع ومختصراتها وشعاراتها ملك لأصحابها.</p>"
            "<h2>الروابط إلى مواقع أخرى</h2>"
            "<p>يتضمن هذا الموقع روابط إلى مواقع إلكترونية تديرها جهات أخرى. ولا سلطة لمكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي على هذه المواقع، ولا يتحمل أي مسؤولية عن محتواها أو عن ممارساتها في مجال حماية البيانات. ولا يعني إدراج رابط ما تأييدًا للموقع الذي يؤدي إليه.</p>"
            "<h2>الخطوط</h2>"
            "<p>يستخدم هذا الموقع خطَّي Noto Naskh Arabic وNoto Sans، المرخَّصين بموجب رخصة SIL Open Font License 1.1، ويُقدَّمان من خوادم الموقع نفسه.</p>"
        ),
        "en": (
            "<h2>About this site</h2>"
            "<p>This site presents “INTERPOL and the European Union” in Arabic, English, French and Spanish: the cooperation between INTERPOL and the European Union, the work of the Office of the Special Representative of INTERPOL to the European Union in Brussels, the cooperation areas, the EU-funded projects, and the EU agencies, institutions and bodies with which INTERPOL works.</p>"
            "<h2>Language versions</h2>"
            "<p>The content of this site is drafted in Arabic; the English, French and Spanish versions are translations. In case of discrepancy between language versions, the Arabic version shall prevail.</p>"
            "<h2>Names and logos</h2>"
            "<p>The names, acronyms and logos of the organizations, agencies, institutions and bodies mentioned on this site belong to their respective owners.</p>"
            "<h2>Links to other websites</h2>"
            "<p>This site contains links to websites operated by third parties. The Office of the Special Representative of INTERPOL to the European Union has no control over those websites and accepts no responsibility for their content or for their data-protection practices. The inclusion of a link does not imply endorsement of the website concerned.</p>"
            "<h2>Typefaces</h2>"
            "<p>This site uses the Noto Naskh Arabic and Noto Sans typefaces, licensed under the SIL Open Font License 1.1 and served from the site’s own servers.</p>"
        ),
        "fr": (
            "<h2>Objet du site</h2>"
            "<p>Ce site présente « INTERPOL et l’Union européenne » en arabe, en anglais, en français et en espagnol : la coopération entre INTERPOL et l’Union européenne, l’action du Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne à Bruxelles, les domaines de coopération, les projets financés par l’UE, ainsi que les agences de l’UE, ses institutions et ses autres organes avec lesquels INTERPOL travaille.</p>"
            "<h2>Versions linguistiques</h2>"
            "<p>Le contenu de ce site est rédigé en arabe ; les versions anglaise, française et espagnole en sont des traductions. En cas de divergence entre les versions linguistiques, la version arabe fait foi.</p>"
            "<h2>Noms et logos</h2>"
            "<p>Les noms, sigles et logos des organisations, agences, institutions et organes mentionnés sur ce site appartiennent à leurs titulaires respectifs.</p>"
            "<h2>Liens vers d’autres sites</h2>"
            "<p>Ce site contient des liens vers des sites exploités par des tiers. Le Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne n’exerce aucun contrôle sur ces sites et décline toute responsabilité quant à leur contenu et à leurs pratiques en matière de protection des données. La présence d’un lien ne vaut pas approbation du site concerné.</p>"
            "<h2>Polices de caractères</h2>"
            "<p>Ce site utilise les polices Noto Naskh Arabic et Noto Sans, distribuées sous la licence SIL Open Font License 1.1 et servies depuis les serveurs du site.</p>"
        ),
        "es": (
            "<h2>Objeto del sitio</h2>"
            "<p>Este sitio presenta «INTERPOL y la Unión Europea» en árabe, inglés, francés y español: la cooperación entre INTERPOL y la Unión Europea, la labor de la Oficina del Representante Especial de INTERPOL ante la Unión Europea en Bruselas, los ámbitos de cooperación, los proyectos financiados por la UE y las agencias de la UE, sus instituciones y sus demás órganos con los que colabora INTERPOL.</p>"
            "<h2>Versiones lingüísticas</h2>"
            "<p>El contenido de este sitio se redacta en árabe; las versiones en inglés, francés y español son traducciones. En caso de discrepancia entre las versiones lingüísticas, prevalecerá la versión árabe.</p>"
            "<h2>Nombres y logotipos</h2>"
            "<p>Los nombres, siglas y logotipos de las organizaciones, agencias, instituciones y órganos mencionados en este sitio pertenecen a sus respectivos titulares.</p>"
            "<h2>Enlaces a otros sitios web</h2>"
            "<p>Este sitio contiene enlaces a sitios web gestionados por terceros. La Oficina del Representante Especial de INTERPOL ante la Unión Europea no ejerce control alguno sobre dichos sitios y declina toda responsabilidad por su contenido y por sus prácticas en materia de protección de datos. La inclusión de un enlace no implica la aprobación del sitio de que se trate.</p>"
            "<h2>Tipos de letra</h2>"
            "<p>Este sitio utiliza los tipos de letra Noto Naskh Arabic y Noto Sans, distribuidos con la licencia SIL Open Font License 1.1 y servidos desde los propios servidores del sitio.</p>"
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
            "<h2>البيانات التي يجمعها الموقع</h2>"
            "<p>لا يطلب الموقع من زواره أي بيانات شخصية، فليس فيه نماذج للتسجيل أو الاشتراك أو التعليق، ولا يستخدم أدوات لقياس الجمهور أو للإعلان. وتُقدَّم جميع الملفات، بما فيها الخطوط، من الموقع نفسه، فلا يُرسَل أي طلب إلى موقع آخر أثناء التصفح.</p>"
            "<h2>ملفات تعريف الارتباط (الكوكيز)</h2>"
            "<ul>"
            "<li><strong>ملف اللغة</strong> (django_language): يُحفظ فقط إذا اختار الزائر لغة عبر خاصية اختيار اللغة في الموقع، ليتذكّر هذا الاختيار. ولا يتضمن سوى رمز اللغة.</li>"
            "<li><strong>ملف الجلسة</strong> (sessionid) و<strong>ملف الحماية</strong> (csrftoken): يُحفظان فقط لأعضاء الفريق الذين يسجلون الدخول لتحرير المحتوى، لإبقائهم متصلين ولحماية النماذج. ولا يتلقاهما الزائر الذي يكتفي بالقراءة.</li>"
            "</ul>"
            "<h2>سجلات الخوادم</h2>"
            "<p>تسجّل خوادم الموقع لكل طلب وقتَه، وعنوانَ الصفحة المطلوبة (بما في ذلك عبارات البحث المكتوبة في الموقع)، ونتيجتَه، والمدة التي استغرقتها معالجته، مع رقم تعريفي للطلب. ولا يسجّل الموقع في سجله الخاص عناوين الشبكة (IP) للزوار ولا تعريف متصفحاتهم. وإذا احتفظت جهة الاستضافة أيضًا بسجل نفاذ لخادم الويب، فإن هذا السجل يتضمن عنوان الشبكة وتعريف المتصفح المرسَلين مع الطلب. وتُستخدم هذه السجلات حصرًا لتشغيل الموقع وحمايته وتصحيح أعطاله، وتُحذف بعد انقضاء مدة الاحتفاظ المذكورة أعلاه.</p>"
            "<h2>دخول أعضاء الفريق</h2>"
            "<p>عندما يسجّل أحد أعضاء الفريق دخوله لتحرير المحتوى، يُسجَّل ذلك مع اسم المستخدم وعنوان الشبكة وتعريف المتصفح، وتُستخدم محاولات الدخول الفاشلة المتكررة لمنع تخمين كلمات المرور.</p>"
            "<h2>حقوقك</h2>"
            "<p>يحق لك أن تطلب الاطلاع على البيانات الشخصية المتعلقة بك، وتصحيحها أو محوها، بالكتابة إلى عنوان الطلبات المتعلقة بالبيانات الشخصية المذكور أعلاه. ويُرجى تحديد البيانات التي يتعلق بها طلبك (كتاريخ زيارتك ووقتها)، وقد يُطلب منك تقديم ما يلزم من معلومات للتحقق من أن هذه البيانات تخصك.</p>"
        ),
        "en": (
            "<h2>What the site collects</h2>"
            "<p>The site does not ask its visitors for any personal data: it has no registration, subscription or comment forms, and uses no audience-measurement or advertising tools. All files, including fonts, are served by the site itself, so browsing it sends no request to any other site.</p>"
            "<h2>Cookies</h2>"
            "<ul>"
            "<li><strong>Language cookie</strong> (django_language): stored only if a visitor chooses a language through the site’s language setting, to remember that choice. It holds nothing but the language code.</li>"
            "<li><strong>Session cookie</strong> (sessionid) and <strong>security cookie</strong> (csrftoken): stored only for staff who sign in to edit the content, to keep them signed in and to protect forms. A visitor who only reads the site does not receive them.</li>"
            "</ul>"
            "<h2>Server logs</h2>"
            "<p>For each request, the site’s servers record the time, the address of the page requested (including any search terms typed into the site), the result and the processing time, under a request identifier. The site’s own log does not record visitors’ network (IP) addresses or browser identification. Where the hosting also keeps a web server access log, that log records the network address and browser identification sent with the request. These logs are used solely to operate the site, keep it secure and correct faults, and are deleted once the retention period stated above has elapsed.</p>"
            "<h2>Staff sign-in</h2>"
            "<p>When a member of staff signs in to edit the content, the sign-in is recorded with the user name, network address and browser identification; repeated failed attempts are used to block password guessing.</p>"
            "<h2>Your rights</h2>"
            "<p>You may request access to the personal data concerning you, and its rectification or erasure, by writing to the address for requests about personal data given above. Please specify the data your request concerns (for example, the date and time of your visit); you may be asked for the information needed to verify that the data concern you.</p>"
        ),
        "fr": (
            "<h2>Données collectées par le site</h2>"
            "<p>Le site ne demande aucune donnée personnelle à ses visiteurs : il ne comporte aucun formulaire d’inscription, d’abonnement ou de commentaire et n’utilise aucun outil de mesure d’audience ni de publicité. Tous les fichiers, polices comprises, sont servis par le site lui-même : sa consultation n’envoie aucune requête à un autre site.</p>"
            "<h2>Cookies</h2>"
            "<ul>"
            "<li><strong>Cookie de langue</strong> (django_language) : enregistré uniquement si un visiteur choisit une langue au moyen du réglage de langue du site, pour mémoriser ce choix. Il ne contient que le code de la langue.</li>"
            "<li><strong>Cookie de session</strong> (sessionid) et <strong>cookie de sécurité</strong> (csrftoken) : enregistrés uniquement pour les membres de l’équipe qui se connectent pour modifier le contenu, afin de maintenir leur connexion et de protéger les formulaires. Un visiteur qui se contente de lire le site ne les reçoit pas.</li>"
            "</ul>"
            "<h2>Journaux des serveurs</h2>"
            "<p>Pour chaque requête, les serveurs du site enregistrent l’heure, l’adresse de la page demandée (y compris les termes de recherche saisis sur le site), le résultat et la durée de traitement, sous un identifiant de requête. Le journal propre au site n’enregistre ni l’adresse réseau (IP) des visiteurs ni l’identification de leur navigateur. Si l’hébergement tient en outre un journal d’accès du serveur web, ce journal enregistre l’adresse réseau et l’identification du navigateur transmises avec la requête. Ces journaux servent uniquement à faire fonctionner le site, à le sécuriser et à corriger les pannes ; ils sont supprimés à l’expiration de la durée de conservation indiquée ci-dessus.</p>"
            "<h2>Connexion des membres de l’équipe</h2>"
            "<p>Lorsqu’un membre de l’équipe se connecte pour modifier le contenu, la connexion est enregistrée avec le nom d’utilisateur, l’adresse réseau et l’identification du navigateur ; les tentatives infructueuses répétées servent à bloquer les essais de mots de passe.</p>"
            "<h2>Vos droits</h2>"
            "<p>Vous pouvez demander l’accès aux données personnelles qui vous concernent, ainsi que leur rectification ou leur effacement, en écrivant à l’adresse indiquée ci-dessus pour les demandes relatives aux données personnelles. Merci de préciser les données visées par votre demande (par exemple la date et l’heure de votre visite) ; les informations nécessaires pour vérifier que ces données vous concernent pourront vous être demandées.</p>"
        ),
        "es": (
            "<h2>Datos que recoge el sitio</h2>"
            "<p>El sitio no pide ningún dato personal a sus visitantes: no tiene formularios de registro, suscripción ni comentarios, y no utiliza herramientas de medición de audiencia ni de publicidad. Todos los archivos, incluidos los tipos de letra, los sirve el propio sitio, de modo que navegar por él no envía ninguna solicitud a otro sitio.</p>"
            "<h2>Cookies</h2>"
            "<ul>"
            "<li><strong>Cookie de idioma</strong> (django_language): se guarda solo si un visitante elige un idioma mediante la opción de idioma del sitio, para recordar esa elección. Solo contiene el código del idioma.</li>"
            "<li><strong>Cookie de sesión</strong> (sessionid) y <strong>cookie de seguridad</strong> (csrftoken): se guardan solo para los miembros del equipo que inician sesión para editar el contenido, para mantener la sesión abierta y proteger los formularios. Quien solo lee el sitio no las recibe.</li>"
            "</ul>"
            "<h2>Registros de los servidores</h2>"
            "<p>Por cada solicitud, los servidores del sitio registran la hora, la dirección de la página solicitada (incluidos los términos de búsqueda escritos en el sitio), el resultado y el tiempo de tramitación, con un identificador de la solicitud. El registro propio del sitio no anota la dirección de red (IP) de los visitantes ni la identificación de su navegador. Si el alojamiento lleva además un registro de acceso del servidor web, dicho registro recoge la dirección de red y la identificación del navegador enviadas con la solicitud. Estos registros se utilizan exclusivamente para hacer funcionar el sitio, protegerlo y corregir fallos, y se suprimen al término del plazo de conservación indicado más arriba.</p>"
            "<h2>Inicio de sesión del personal</h2>"
            "<p>Cuando un miembro del equipo inicia sesión para editar el contenido, el inicio de sesión se registra con el nombre de usuario, la dirección de red y la identificación del navegador; los intentos fallidos repetidos sirven para impedir que se adivinen las contraseñas.</p>"
            "<h2>Sus derechos</h2>"
            "<p>Puede solicitar el acceso a los datos personales que le conciernen, así como su rectificación o supresión, escribiendo a la dirección para las solicitudes relativas a datos personales indicada más arriba. Le rogamos que precise a qué datos se refiere su solicitud (por ejemplo, la fecha y la hora de su visita); podrá pedírsele la información necesaria para comprobar que dichos datos le conciernen.</p>"
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
            "<p>يلتزم مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي بأن يكون هذا الموقع متاحًا للجميع، باللغات الأربع وفي اتجاهَي الكتابة: من اليمين إلى اليسار للعربية، ومن اليسار إلى اليمين لغيرها.</p>"
            "<h2>حالة المطابقة</h2>"
            "<p>هذا الموقع مطابق جزئيًا للمستوى AA من إرشادات الوصول إلى محتوى الويب (WCAG) 2.2، أي أن بعض أجزاء المحتوى قد لا تستوفي هذا المعيار استيفاءً تامًا. وتجتاز جميع أنواع الصفحات العامة، باللغات الأربع، الفحوص الآلية المبيّنة أدناه دون أي خطأ، غير أن الموقع لم يخضع بعد لتدقيق يدوي.</p>"
            "<h2>التدابير المتخذة</h2>"
            "<ul>"
            "<li>يمكن التنقل في كل صفحة بلوحة المفاتيح، مع رابط للانتقال مباشرة إلى المحتوى ومؤشر تركيز واضح.</li>"
            "<li>تعمل الصفحات دون JavaScript، وتتكيّف مع شاشات الهواتف.</li>"
            "<li>لكل صفحة عنوان رئيسي واحد، ومعالم واضحة (الترويسة، والتنقل، والمحتوى، والتذييل)، ولغة معلنة؛ والنصوص المعروضة بلغة أخرى تحمل لغتها واتجاهها.</li>"
            "<li>تُفحص كل أنواع الصفحات باللغات الأربع، في كل تعديل على الموقع، بأداتين مستقلتين: axe-core لإمكانية الوصول، ومدقق Nu HTML لصحة الشيفرة.</li>"
            "</ul>"
            "<h2>الحدود المعروفة</h2>"
            "<p>لا تكشف الفحوص الآلية جميع العوائق. وقد لا تكون بعض النصوص متاحة بعد بكل اللغات، فتُعرض عندئذ بلغة أخرى مع إشعار بذلك.</p>"
            "<h2>الإبلاغ عن عائق</h2>"
            "<p>إذا واجهت عائقًا يحول دون الوصول إلى محتوى هذا الموقع، فيُرجى إبلاغنا به عبر وسائل الاتصال المذكورة في صفحة الاتصال، مع ذكر عنوان الصفحة ووصف المشكلة.</p>"
            "<h2>إعداد هذا البيان</h2>"
            "<p>أُعدّ هذا البيان في 3 كانون الأول/ديسمبر 2026 استنادًا إلى تقييم ذاتي، وروجع آخر مرة في التاريخ نفسه.</p>"
        ),
        "en": (
            "<p>The Office of the Special Representative of INTERPOL to the European Union is committed to making this site accessible to everyone, in its four languages and in both writing directions: right to left for Arabic, left to right for the other languages.</p>"
            "<h2>Compliance status</h2>"
            "<p>This site is partially conformant with level AA of the Web Content Accessibility Guidelines (WCAG) 2.2: some parts of the content may not fully conform to the standard. Every type of public page, in all four languages, passes the automated checks described below without errors; the site has not yet been audited manually.</p>"
            "<h2>Measures taken</h2>"
            "<ul>"
            "<li>Every page can be used with a keyboard, with a link that skips to the content and a clearly visible focus indicator.</li>"
            "<li>The pages work without JavaScript and adapt to phone screens.</li>"
            "<li>Each page has one main heading, clear landmarks (header, navigation, content, footer) and a declared language; text shown in another language carries its own language and direction.</li>"
            "<li>Every kind of page, in the four languages, is checked on every change to the site by two independent tools: axe-core for accessibility and the Nu HTML Checker for valid markup.</li>"
            "</ul>"
            "<h2>Known limitations</h2>"
            "<p>Automated checks do not detect every barrier. Some text may not yet be available in every language; it is then shown in another language, with a notice to that effect.</p>"
            "<h2>Reporting a barrier</h2>"
            "<p>If you encounter an accessibility barrier on this site, please let us know through the contact details on the contact page, giving the address of the page and a description of the problem.</p>"
            "<h2>Preparation of this statement</h2>"
            "<p>This statement was prepared on 3 December 2026 on the basis of a self-assessment, and last reviewed on that date.</p>"
        ),
        "fr": (
            "<p>Le Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne s’engage à rendre ce site accessible à toutes et à tous, dans ses quatre langues et dans les deux sens d’écriture : de droite à gauche pour l’arabe, de gauche à droite pour les autres langues.</p>"
            "<h2>État de conformité</h2>"
            "<p>Ce site est partiellement conforme au niveau AA des Règles pour l’accessibilité des contenus Web (WCAG) 2.2 : certaines parties du contenu peuvent ne pas satisfaire pleinement à cette norme. Tous les types de pages publiques, dans les quatre langues, passent sans erreur les vérifications automatiques décrites ci-dessous ; le site n’a pas encore fait l’objet d’un audit manuel.</p>"
            "<h2>Mesures prises</h2>"
            "<ul>"
            "<li>Chaque page s’utilise au clavier, avec un lien d’accès direct au contenu et un indicateur de focus bien visible.</li>"
            "<li>Les pages fonctionnent sans JavaScript et s’adaptent aux écrans de téléphone.</li>"
            "<li>Chaque page a un seul titre principal, des zones clairement identifiées (en-tête, navigation, contenu, pied de page) et une langue déclarée ; un texte affiché dans une autre langue porte sa propre langue et son sens d’écriture.</li>"
            "<li>Chaque type de page, dans les quatre langues, est vérifié à chaque modification du site par deux outils indépendants : axe-core pour l’accessibilité et le Nu HTML Checker pour la validité du code.</li>"
            "</ul>"
            "<h2>Limites connues</h2>"
            "<p>Les vérifications automatiques ne détectent pas tous les obstacles. Certains textes ne sont peut-être pas encore disponibles dans toutes les langues ; ils sont alors affichés dans une autre langue, avec un avis qui le signale.</p>"
            "<h2>Signaler un obstacle</h2>"
            "<p>Si vous rencontrez un obstacle à l’accessibilité sur ce site, merci de nous le signaler par les moyens indiqués sur la page de contact, en précisant l’adresse de la page et la nature du problème.</p>"
            "<h2>Établissement de la présente déclaration</h2>"
            "<p>La présente déclaration a été établie le 3 décembre 2026 sur la base d’une auto-évaluation ; elle a été revue pour la dernière fois à cette même date.</p>"
        ),
        "es": (
            "<p>La Oficina del Representante Especial de INTERPOL ante la Unión Europea se compromete a que este sitio sea accesible para todas las personas, en sus cuatro idiomas y en ambas direcciones de escritura: de derecha a izquierda para el árabe y de izquierda a derecha para los demás idiomas.</p>"
            "<h2>Situación de cumplimiento</h2>"
            "<p>Este sitio es parcialmente conforme con el nivel AA de las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2: algunas partes del contenido pueden no cumplir plenamente la norma. Todos los tipos de páginas públicas, en los cuatro idiomas, superan sin errores las comprobaciones automáticas que se describen a continuación; el sitio todavía no ha sido objeto de una auditoría manual.</p>"
            "<h2>Medidas adoptadas</h2>"
            "<ul>"
            "<li>Todas las páginas se pueden usar con el teclado, con un enlace para saltar al contenido y un indicador de foco bien visible.</li>"
            "<li>Las páginas funcionan sin JavaScript y se adaptan a las pantallas de los teléfonos.</li>"
            "<li>Cada página tiene un único encabezado principal, zonas bien definidas (cabecera, navegación, contenido, pie de página) y un idioma declarado; el texto que se muestra en otro idioma lleva su propio idioma y dirección.</li>"
            "<li>Cada tipo de página, en los cuatro idiomas, se comprueba en cada cambio del sitio con dos herramientas independientes: axe-core para la accesibilidad y el Nu HTML Checker para la validez del código.</li>"
            "</ul>"
            "<h2>Limitaciones conocidas</h2>"
            "<p>Las comprobaciones automáticas no detectan todas las barreras. Puede que algunos textos aún no estén disponibles en todos los idiomas; en ese caso se muestran en otro idioma, con un aviso que lo indica.</p>"
            "<h2>Cómo comunicar una barrera</h2>"
            "<p>Si encuentra una barrera de accesibilidad en este sitio, le rogamos que nos lo comunique por los medios indicados en la página de contacto, señalando la dirección de la página y el problema encontrado.</p>"
            "<h2>Preparación de la presente declaración</h2>"
            "<p>La presente declaración se preparó el 3 de diciembre de 2026 sobre la base de una autoevaluación y se revisó por última vez en esa misma fecha.</p>"
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
            "<p>يتخذ مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي من بروكسل مقرًا له.</p>"
            '<p>للاستفسار عن أي مسألة تتعلق بالإنتربول عمومًا، يُرجى استخدام وسائل الاتصال المذكورة في الموقع الرسمي للإنتربول: <a href="https://www.interpol.int/ar" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>للإبلاغ عن خطأ في هذا الموقع أو عن عائق يحول دون الوصول إليه، يُرجى الكتابة إلى المكتب مع ذكر عنوان الصفحة المعنية.</p>"
        ),
        "en": (
            "<p>The Office of the Special Representative of INTERPOL to the European Union is based in Brussels.</p>"
            '<p>For matters concerning INTERPOL in general, please use the contact channels listed on INTERPOL’s official website: <a href="https://www.interpol.int/en" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>To report an error on this site or an accessibility barrier, please write to the Office, giving the address of the page concerned.</p>"
        ),
        "fr": (
            "<p>Le Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne est établi à Bruxelles.</p>"
            '<p>Pour toute question concernant INTERPOL en général, veuillez utiliser les moyens de contact indiqués sur le site officiel d’INTERPOL : <a href="https://www.interpol.int/fr" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>Pour signaler une erreur sur ce site ou un obstacle à son accessibilité, merci d’écrire au Bureau en indiquant l’adresse de la page concernée.</p>"
        ),
        "es": (
            "<p>La Oficina del Representante Especial de INTERPOL ante la Unión Europea tiene su sede en Bruselas.</p>"
            '<p>Para cualquier cuestión relativa a INTERPOL en general, utilice los medios de contacto indicados en el sitio web oficial de INTERPOL: <a href="https://www.interpol.int/es" rel="noopener noreferrer">www.interpol.int</a>.</p>'
            "<p>Para señalar un error en este sitio o una barrera de accesibilidad, escriba a la Oficina indicando la dirección de la página en cuestión.</p>"
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
