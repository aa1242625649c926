corpus/email/rejection-reply-wrong-name.eml:8:4: error: The greeting addresses 'Dana', but the message goes to Recruiting, Olga Petrova; check the name and the recipient before you send. [FollowUp.GreetingName]
# exit 1
