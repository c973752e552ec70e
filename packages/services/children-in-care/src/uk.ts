const needsUk = {
  intellectual: "Інтелектуальні потреби та інтереси",
  social: "Соціальні потреби та інтереси",
  psychological: "Психологічні труднощі",
  "career-prospects": "Життєві та професійні перспективи",
  "education-support": "Підтримка в освіті",
  "independent-living": "Підготовка до самостійного життя"
} as const

/**
 * The plugin's labels in Ukrainian (many clients of the seeds' services speak it), by label
 * path, list items named by their code or id (`indicators.<code>.labels`), so the table holds
 * when a list's order changes; `Plugin.translate` adds them to the plugin.
 */
export const uk: Readonly<Record<string, string>> = {
  "labels.name": "Підтримка дітей і молоді в альтернативному догляді",
  "labels.description":
    "Аналіз потреб, індивідуальне та групове навчання (також для персоналу закладів), профорієнтація та підтримка в пошуку роботи для дітей і молоді в інституційному чи прийомному догляді, за участі волонтерів і стажистів.",
  "taxonomies.interventions.needs-analysis":
    "Аналіз потреб (інтелектуальних, соціальних, психологічних, професійних перспектив)",
  "taxonomies.interventions.individual-training": "Індивідуальне навчання",
  "taxonomies.interventions.group-training": "Групове навчання",
  "taxonomies.interventions.career-guidance": "Профорієнтація",
  "taxonomies.interventions.job-search-support": "Підтримка в пошуку роботи",
  "taxonomies.interventions.career-change-support": "Підтримка у зміні професійного шляху",
  "taxonomies.interventions.psychological-support": "Психологічна підтримка",
  "taxonomies.interventions.social-skills": "Розвиток соціальних навичок",
  "taxonomies.interventions.mentoring": "Наставництво волонтера",
  "taxonomies.interventions.mediation-with-employers-and-schools": "Посередництво з роботодавцями та школами",
  "taxonomies.channels.in-person": "Особисто",
  "taxonomies.channels.phone": "Телефоном",
  "taxonomies.channels.online": "Онлайн",
  "taxonomies.channels.through-care-staff": "Через персонал закладу",
  "taxonomies.firstContactChannels.care-institution-visit": "Відвідування закладу догляду",
  "taxonomies.firstContactChannels.child-protection-referral": "Направлення служби захисту дітей",
  "taxonomies.firstContactChannels.foster-carer-referral": "Направлення від прийомного батька чи матері",
  "taxonomies.firstContactChannels.partner-organisation": "Партнерська організація",
  "taxonomies.firstContactChannels.project-event": "Захід проєкту",
  "taxonomies.firstContactChannels.self-referral": "Звернувся(лася) сам(а)",
  "taxonomies.locationKinds.care-institution": "Спеціалізований заклад або служба стаціонарного догляду",
  "taxonomies.locationKinds.office": "Офіс організації",
  "taxonomies.locationKinds.school": "Школа",
  "taxonomies.locationKinds.event-venue": "Місце проведення заходу",
  "taxonomies.locationKinds.online-platform": "Онлайн-платформа",
  "taxonomies.activityTopics.group-training": "Групова навчальна програма для дітей і молоді",
  "taxonomies.activityTopics.care-staff-training": "Навчання для персоналу спеціалізованих закладів",
  "taxonomies.activityTopics.career-guidance-workshop": "Профорієнтаційний семінар",
  "taxonomies.activityTopics.employer-meeting": "Зустріч із роботодавцями або ярмарок вакансій",
  "taxonomies.activityTopics.volunteer-induction": "Вступне навчання волонтерів і стажистів",
  "extraPrinciples.professionalism.labels": "Професійність",
  "indicators.needs-analysed.labels": "Потреби проаналізовано",
  "indicators.training-completed.labels": "Завершив(ла) навчальну програму",
  "indicators.career-guidance-received.labels": "Отримав(ла) профорієнтацію або підтримку в пошуку роботи",
  "indicators.education-or-work.labels": "Освіта або робота",
  "indicators.living-conditions.labels": "Умови життя (1 = дуже погані, 5 = добрі)",
  "indicators.social-integration.labels": "Соціальна інтеграція (1 = ізольований(а), 5 = добре інтегрований(а))",
  "goals.needs-based-training.labels": "Індивідуальне та групове навчання на основі аналізу потреб",
  "goals.career-development.labels": "Кар'єрний розвиток: профорієнтація та допомога в пошуку роботи",
  "goals.better-living-conditions.labels": "Кращі умови життя та соціальна інтеграція",
  "reports.training-attendance.labels": "Відвідування навчань і заходів, для дітей і для персоналу закладів",
  "reports.volunteers-and-interns.labels": "Волонтери та стажисти за віковою групою",
  "reports.volunteering-sessions-by-month.labels": "Волонтерські зміни за місяцями",
  "messages.childrenInCare.targetAge.outside":
    "Вікова група поза віком, з яким працює служба: порекомендуйте відповідну службу.",
  "messages.childrenInCare.targetAge.partly": "Вікова група частково поза віком, з яким працює служба: уточніть вік.",
  "messages.childrenInCare.notInCare":
    "Служба призначена для дітей і молоді в інституційному чи прийомному догляді та для тих, хто залишив догляд.",
  "messages.childrenInCare.needsAnalysisFirst": "Будуйте план на аналізі потреб: спершу запишіть виявлені потреби.",
  "messages.childrenInCare.staffTraining":
    "Навчання для персоналу закладів догляду призначене для зовнішнього персоналу: позначте його так і вкажіть аудиторію «персонал».",
  "messages.childrenInCare.noFee": "Служба безоплатна для дітей і молоді.",
  "fields.person.institution.labels": "Заклад",
  "fields.person.careStaff.labels": "Працює в закладі догляду",
  ...Object.fromEntries(Object.entries(needsUk).map(([area, text]) => [`taxonomies.needs.${area}`, text])),
  ...Object.fromEntries(
    Object.entries(needsUk).map((
      [area, text]
    ) => [`indicators.need-${area}.labels`, `Потреба: ${text} (1 = немає потреби, 5 = нагальна потреба)`])
  )
}
