corpus/086-thankyou-greeting-none.txt:1:1: note: The note does not open by addressing someone (a bare 'Hello', 'Dear Sir or Madam' or 'To whom it may concern' reads like a form letter): start with the person's name, e.g. 'Dear Ms. Lee,' or 'Hi Mark,'. [FollowUp.Greeting]
# exit 0
