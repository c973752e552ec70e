/**
 * The plugin's labels in Ukrainian (many clients of the seeds' services speak it), by label
 * path, list items named by their code or id (`indicators.<code>.labels`), so the table holds
 * when a list's order changes; `Plugin.translate` adds them to the plugin.
 */
export const uk: Readonly<Record<string, string>> = {
  "labels.name": "Боргове консультування",
  "labels.description":
    "Фахове соціальне консультування для людей у несприятливій соціальній ситуації, спричиненій переважно боргами, яким бракує інформації, навичок чи засобів, щоб допомогти собі самим.",
  "targetGroup.description":
    "Дорослі (від 18 років) у несприятливій соціальній ситуації через борги, які стикаються також з іншим видом соціального виключення",
  "taxonomies.interventions.information": "Інформація про можливості розв'язання ситуації",
  "taxonomies.interventions.counselling": "Консультування",
  "taxonomies.interventions.debt-analysis": "Опис боргів",
  "taxonomies.interventions.budget-planning": "Планування бюджету домогосподарства",
  "taxonomies.interventions.creditor-communication": "Підтримка в спілкуванні з кредиторами",
  "taxonomies.interventions.document-assistance": "Допомога у складанні документів",
  "taxonomies.interventions.insolvency-petition": "Допомога із заявою про звільнення від боргів (особисте банкрутство)",
  "taxonomies.interventions.enforcement-check": "Перевірка виконавчих проваджень",
  "taxonomies.interventions.accompaniment": "Супровід (суд, виконавець, установи)",
  "taxonomies.interventions.mediation-of-contact": "Посередництво в контакті з іншою фаховою допомогою",
  "taxonomies.interventions.crisis-intervention": "Кризове втручання",
  "taxonomies.interventions.financial-literacy": "Розвиток фінансової грамотності",
  "taxonomies.channels.in-person": "Особисто",
  "taxonomies.channels.phone": "Телефоном",
  "taxonomies.channels.e-mail": "Електронна пошта",
  "taxonomies.channels.video-call": "Відеодзвінок",
  "taxonomies.firstContactChannels.own-initiative": "З власної ініціативи",
  "taxonomies.firstContactChannels.friends-or-family": "За порадою знайомих або родини",
  "taxonomies.firstContactChannels.other-service": "Направлення від іншої соціальної служби",
  "taxonomies.firstContactChannels.municipal-office": "Муніципальна установа",
  "taxonomies.firstContactChannels.labour-office": "Служба зайнятості",
  "taxonomies.firstContactChannels.website": "Вебсайт",
  "taxonomies.firstContactChannels.public-event": "Лекція або публічний захід",
  "taxonomies.locationKinds.office": "Консультаційний пункт",
  "taxonomies.locationKinds.online-platform": "Онлайн",
  "taxonomies.locationKinds.event-venue": "Місце проведення заходу",
  "taxonomies.needs.unstable-housing": "Невідповідне або нестабільне житло",
  "taxonomies.needs.long-term-unemployment": "Тривале безробіття, складно знайти місце на ринку праці",
  "taxonomies.needs.budgeting-problems": "Проблеми з управлінням бюджетом",
  "taxonomies.needs.disadvantage-from-prejudice": "Соціальна вразливість через упередження",
  "taxonomies.needs.no-social-network":
    "Відсутня або нефункціональна соціальна мережа, бракує ресурсів для розв'язання проблем",
  "taxonomies.needs.benefit-dependence": "Залежність від соціальних виплат (допомоги, пенсії)",
  "taxonomies.needs.family-pathology":
    "Соціально-патологічні явища в родині (злочинність, залежності, поведінкові проблеми дітей)",
  "taxonomies.needs.more-support-needed": "Потреба в більшій підтримці для розв'язання несприятливої ситуації",
  "indicators.informed-about-options.labels":
    "Поінформований про можливості розв'язання своєї несприятливої соціальної ситуації",
  "indicators.situation-improved.labels": "Ситуація в певній сфері покращилася завдяки практичній допомозі",
  "indicators.situation-improved-in-area.labels": "Сфера, у якій ситуація покращилася завдяки практичній допомозі",
  "indicators.competent-and-active.labels":
    "Компетентний, активно розв'язує свою ситуацію (1 = веде консультант, 5 = клієнт розв'язує сам)",
  "indicators.oriented-for-future.labels": "Зможе зорієнтуватися в подібній ситуації в майбутньому",
  "indicators.uses-further-help.labels": "За потреби користується іншою фаховою допомогою",
  "goals.informed-client.labels":
    "Клієнт, поінформований про можливості розв'язання своєї несприятливої соціальної ситуації",
  "goals.improved-situation.labels": "Клієнт, чия ситуація в певній сфері покращилася завдяки практичній допомозі",
  "goals.competent-client.labels": "Компетентний клієнт, який активно розв'язує свою несприятливу соціальну ситуацію",
  "goals.oriented-client.labels": "Клієнт, який зорієнтується в подібній ситуації, що може виникнути в майбутньому",
  "goals.client-using-further-help.labels": "Клієнт, який за потреби користується іншою фаховою допомогою",
  "reports.clients-by-intervention.labels": "Клієнти за втручанням",
  "reports.contacts-by-month.labels": "Контакти за місяцями",
  "reports.clients-by-age-band.labels": "Клієнти за віковою групою",
  "reports.cooperations-by-ending.labels": "Співпраця за тим, чи і як вона завершилася",
  "reports.minutes-by-channel.labels": "Хвилини консультування за каналом",
  "reports.improved-rate.labels": "Частка клієнтів, чия ситуація покращилася",
  "reports.competence-change.labels": "Зміна компетентності клієнтів розв'язувати свою ситуацію",
  "messages.debtCounselling.adultsOnly":
    "Боргове консультування надається дорослим (від 18 років): скеруйте молодшу людину до служби для дітей і молоді.",
  "messages.debtCounselling.ageNotStated": "Вік не вказано: переконайтеся разом із людиною, що їй щонайменше 18 років.",
  "messages.debtCounselling.noDebts":
    "Служба призначена для людей у несприятливій соціальній ситуації через борги; за оцінкою боргів немає: скеруйте людину до відповідної допомоги.",
  "messages.debtCounselling.noExclusionRecorded":
    "Не записано жодного іншого виду соціального виключення: уточніть ситуацію з людиною.",
  "messages.debtCounselling.clientTakesSteps":
    "Консультант не діє без клієнта: спершу заплануйте крок, який зробить клієнт (сам або разом), а потім кроки консультанта чи інших.",
  "messages.debtCounselling.freeOfCharge": "Фахове соціальне консультування надається безоплатно.",
  "messages.debtCounselling.principlesDeclared":
    "Боргове консультування безоплатне й дотримується конфіденційності, добровільності, індивідуального підходу, рівного доступу, розширення можливостей, активної співпраці та безоплатності: зазначте їх усі.",
  "messages.debtCounselling.assessedWithClient":
    "Чи клієнт компетентний і чи зорієнтується в майбутньому, оцінюється разом із клієнтом.",
  "messages.debtCounselling.individualRecipient":
    "Отримувач консультування — окрема людина, а не група чи родина: записуйте індивідуальну роботу для кожного клієнта окремо."
}
